package io.vclip.trainer.storage;

/** An object under a store's root: its key relative to that root, and its size in bytes. */
public record ObjectInfo(String key, long size) {}
