package io.feedimport.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;

/**
 * The last line of defence before an event leaves the machine: whatever put it together, every text in its message,
 * tags, extras and exception values loses e-mail-looking and phone-looking parts, and user, request and breadcrumbs
 * (which log lines and HTTP integrations could fill with payloads) are dropped. {@link SkipRedactor} does the
 * field-aware work earlier; this only catches what slipped past it.
 */
final class ScrubbingBeforeSend implements SentryOptions.BeforeSendCallback {

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        event.setUser(null);
        event.setRequest(null);
        event.setBreadcrumbs(null);
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(PersonalData.scrub(message.getMessage()));
            message.setFormatted(PersonalData.scrub(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream().map(PersonalData::scrub).toList());
            }
        }
        if (event.getTags() != null) {
            event.getTags().replaceAll((name, value) -> PersonalData.scrub(value));
        }
        if (event.getExtras() != null) {
            event.getExtras().replaceAll((name, value) -> scrubbed(value));
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(PersonalData.scrub(exception.getValue()));
            }
        }
        return event;
    }

    private static Object scrubbed(Object value) {
        if (value instanceof CharSequence text) {
            return PersonalData.scrub(text.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, scrubbed(item)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(scrubbed(item)));
            return copy;
        }
        return value;
    }
}
