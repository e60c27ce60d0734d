package io.vclip.trainer.data.ranking;

/**
 * What one step did, for logs and tests: the operator, the words it removed or replaced, and what
 * it put in their place (empty for a deletion).
 */
public record RankingEdit(String operator, String before, String after) {}
