package io.vclip.trainer.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.vclip.trainer.VclipUserException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named tensors in the safetensors format, through DJL's own encoder and decoder. */
public final class SafetensorsFile {
  private SafetensorsFile() {}

  /** Every tensor of the file by name, on {@code manager}. */
  public static Map<String, NDArray> read(Path file, NDManager manager) {
    if (!Files.isRegularFile(file)) {
      throw new VclipUserException("weights: file not found: " + file);
    }
    NDList list;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      list = NDList.decode(manager, in);
    } catch (IOException | RuntimeException e) {
      throw new VclipUserException("weights: " + file + " is not a readable safetensors file: " + e.getMessage(), e);
    }
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (NDArray a : list) {
      if (a.getName() == null || byName.put(a.getName(), a) != null) {
        throw new VclipUserException("weights: " + file + " has an unnamed or duplicate tensor '" + a.getName() + "'");
      }
    }
    return byName;
  }

  /** Writes the tensors under the given names (the arrays' own names are left as they were). */
  public static void write(Path file, Map<String, NDArray> tensors) throws IOException {
    NDList list = new NDList();
    Map<NDArray, String> previous = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
        previous.put(e.getValue(), e.getValue().getName());
        e.getValue().setName(e.getKey());
        list.add(e.getValue());
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        list.encode(out, NDList.Encoding.SAFETENSORS);
      }
    } finally {
      previous.forEach(NDArray::setName);
    }
  }
}
