package io.vclip.trainer.data.ranking;

/** A video and its long description: the input of the LVDR set builder. */
public record VideoDescription(String videoId, String text) {}
