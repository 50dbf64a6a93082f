package org.mer4j.experiments;

import java.util.List;

/**
 * The conversational context a row adds to each clip ({@code rows[].context}): the features of the
 * neighbouring utterances of the same conversation, as in context-aware emotion recognition in
 * conversation (Poria et al., "Context-Dependent Sentiment Analysis in User-Generated Videos", ACL 2017,
 * bc-LSTM; Poria et al., MELD, ACL 2019). See {@link ConversationContext} for what is appended.
 *
 * <p>Only features cross between clips, never labels: the neighbours are what a recogniser of the
 * whole conversation has as input. {@code next > 0} reads later utterances too (offline recognition of
 * a finished conversation, as bidirectional bc-LSTM and EmoBERTa do); set {@code next: 0} for an online
 * recogniser that only hears what was said before.
 *
 * @param groupBy clip metadata key naming the conversation (e.g. {@code dialogue} for MELD); required
 * @param orderBy clip metadata key holding the clip's numeric position in its conversation (e.g.
 *     {@code utterance}); null keeps the manifest's order
 * @param previous how many earlier utterances to append (0..8)
 * @param next how many later utterances to append (0..8)
 * @param modalities modalities that get context blocks; null or empty means all of the row's
 */
public record ContextConfig(String groupBy, String orderBy, int previous, int next, List<String> modalities) {
    /** The largest window on either side. */
    public static final int MAX_WINDOW = 8;

    public ContextConfig {
        if (groupBy == null || groupBy.isBlank()) {
            throw new IllegalArgumentException("rows[].context.groupBy: required, the clip metadata key naming the conversation"
                    + " (e.g. dialogue for MELD)");
        }
        if (previous < 0 || previous > MAX_WINDOW || next < 0 || next > MAX_WINDOW) {
            throw new IllegalArgumentException("rows[].context.previous and .next must be 0.." + MAX_WINDOW + ", got previous "
                    + previous + " and next " + next);
        }
        if (previous + next == 0) {
            throw new IllegalArgumentException("rows[].context: give previous or next (at least one neighbouring utterance),"
                    + " or remove context");
        }
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }
}
