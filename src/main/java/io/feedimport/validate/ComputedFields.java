package io.feedimport.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.feed.ValueParser;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Computes a record's computed fields from its valid values. Numbers enter as decimals with at least
 * {@value #MIN_SCALE} places, so that {@code price / area} divides as a person would and {@code rooms / 2} is 1.5,
 * not 1. The context offers the record's values by name and nothing else: no methods, types, beans or variables
 * (the definition refused those already). Used by one thread, like the validator that holds it.
 */
final class ComputedFields {

    static final int MIN_SCALE = 10;

    private final List<Computed> computed = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();
    private final EvaluationContext context = context();

    private record Computed(int index, FieldDefinition field, Expression expression, int[] inputs) {
    }

    ComputedFields(FeedDefinition feed) {
        SpelExpressionParser parser = new SpelExpressionParser();
        List<FieldDefinition> fields = feed.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            if (field.computed()) {
                int[] inputs = field.computation().inputs().stream().mapToInt(feed::indexOf).toArray();
                computed.add(new Computed(i, field, parser.parseExpression(field.computation().expression()), inputs));
            }
        }
    }

    private static EvaluationContext context() {
        DefaultConversionService conversions = new DefaultConversionService();
        // text joined to a number shows it as it is stored ("64.5 m2"), not with the places it is computed with
        conversions.addConverter(BigDecimal.class, String.class, ValueParser::canonical);
        return SimpleEvaluationContext.forPropertyAccessors(new MapAccessor(false)).withConversionService(conversions)
                .withAssignmentDisabled().build();
    }

    boolean isEmpty() {
        return computed.isEmpty();
    }

    /**
     * @param typed   the record's valid values, by field index (computed ones null)
     * @param results where the text of each computed field goes, by field index (null: missing), to be validated as
     *                the field's type and rules by the field's own validator
     * @param violations gets one for a computation that fails on values it has
     */
    void compute(Object[] typed, String[] results, List<Violation> violations) {
        for (Computed c : computed) {
            values.clear();
            boolean missingInput = false;
            List<String> names = c.field().computation().inputs();
            for (int i = 0; i < names.size(); i++) {
                Object value = typed[c.inputs()[i]];
                missingInput |= value == null;
                values.put(names.get(i), decimalIfNumber(value));
            }
            Object result;
            try {
                result = c.expression().getValue(context, values);
            } catch (RuntimeException e) {
                // EvaluationException as SpEL reports, ArithmeticException as BigDecimal throws it: whatever the values
                // make of the expression, it is this record's problem, never the run's
                if (!missingInput) {
                    violations.add(new Violation(c.field().name(), "compute", null, c.field().name() + " = "
                            + c.field().computation().expression() + " failed: " + reason(e)));
                }
                results[c.index()] = null; // an input is missing, and so is what it would give
                continue;
            }
            results[c.index()] = text(c.field(), result);
        }
    }

    private static Object decimalIfNumber(Object value) {
        if (value instanceof Long number) {
            return BigDecimal.valueOf(number).setScale(MIN_SCALE);
        }
        if (value instanceof BigDecimal decimal && decimal.scale() < MIN_SCALE) {
            return decimal.setScale(MIN_SCALE);
        }
        return value;
    }

    private static String text(FieldDefinition field, Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof BigDecimal decimal && field.type() == FieldType.DECIMAL && field.computation().scale() != null) {
            return decimal.setScale(field.computation().scale(), RoundingMode.HALF_UP).toPlainString();
        }
        return ValueParser.canonical(result);
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ArithmeticException ? cause.getMessage() : e.getMessage();
    }
}
