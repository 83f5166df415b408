/** Small helpers shared by several stages; nothing here knows about feeds. */
package io.feedimport.support;
