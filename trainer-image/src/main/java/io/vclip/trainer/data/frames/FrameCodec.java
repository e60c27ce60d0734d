package io.vclip.trainer.data.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Frame images to and from bytes (JPEG / PNG through ImageIO). */
public final class FrameCodec {
  private FrameCodec() {}

  public static byte[] encode(BufferedImage image, FrameFormat format) {
    // JPEG has no alpha: ImageIO writes 4-channel JPEGs that most readers mistake for CMYK.
    BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB
        || image.getType() == BufferedImage.TYPE_3BYTE_BGR ? image : toRgb(image);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      if (format.extension().equals("png")) {
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
          ImageIO.write(rgb, "png", ios);
        }
      } else {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
          writer.setOutput(ios);
          ImageWriteParam param = writer.getDefaultWriteParam();
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(format.jpegQuality());
          writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
          writer.dispose();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a frame as " + format.extension() + " failed", e);
    }
    return out.toByteArray();
  }

  /** Decodes JPEG or PNG bytes; throws {@link IOException} naming why when they are not an image. */
  public static BufferedImage decode(byte[] bytes) throws IOException {
    // ImageIO.read(InputStream) would buffer through a temporary file (its default cache): keep it in memory.
    BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
    if (image == null) {
      throw new IOException("not a readable JPEG/PNG image (" + bytes.length + " bytes)");
    }
    return image;
  }

  static BufferedImage toRgb(BufferedImage image) {
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g = rgb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }
}
