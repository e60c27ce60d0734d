package io.vclip.trainer.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.VideoClipModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class PositionStretchTest {
  @Test
  void stretchedTableFollowsLongClipFormulaRowByRow() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray pe = m.randomNormal(0, 1, new Shape(77, 8), DataType.FLOAT32);
      NDArray stretched = PositionStretch.stretch(pe);
      assertThat(stretched.getShape()).isEqualTo(new Shape(248, 8));
      float[][] expected = stretchByFormula(pe);
      float[] got = stretched.toFloatArray();
      for (int row = 0; row < 248; row++) {
        for (int c = 0; c < 8; c++) {
          assertThat(got[row * 8 + c]).as("row %d col %d", row, c).isCloseTo(expected[row][c], org.assertj.core.data.Offset.offset(1e-6f));
        }
      }
      // Spot checks straight from the paper's wording.
      float[] p = pe.toFloatArray();
      assertThat(got[19 * 8]).isEqualTo(p[19 * 8]); // kept
      assertThat(got[20 * 8]).isEqualTo(p[20 * 8]); // j = 20, k = 0
      assertThat(got[243 * 8]).isCloseTo((p[75 * 8] + 3 * p[76 * 8]) / 4, org.assertj.core.data.Offset.offset(1e-6f));
      assertThat(got[247 * 8]).isCloseTo(p[76 * 8] + 3 * (p[76 * 8] - p[75 * 8]) / 4, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void firstTwentyRowsAreASeparateFrozenParameter() {
    Map<String, Parameter> p = new VideoClipModel(ModelPresets.tiny(2, 50)).namedParameters();
    Parameter kept = p.get("text.positional_embedding.kept");
    Parameter rest = p.get("text.positional_embedding.stretched");
    assertThat(kept.getShape()).isEqualTo(new Shape(20, 64));
    assertThat(rest.getShape()).isEqualTo(new Shape(228, 64));
    assertThat(kept.requiresGradient()).isFalse();
    assertThat(rest.requiresGradient()).isTrue();
  }

  /** The PAPER-NOTES §2 rule written out with loops, independently of the NDArray implementation. */
  public static float[][] stretchByFormula(NDArray pe77) {
    int w = (int) pe77.getShape().get(1);
    float[] flat = pe77.toFloatArray();
    float[][] pe = new float[77][w];
    for (int r = 0; r < 77; r++) {
      System.arraycopy(flat, r * w, pe[r], 0, w);
    }
    float[][] out = new float[248][w];
    for (int r = 0; r < 20; r++) {
      out[r] = pe[r].clone();
    }
    for (int j = 20; j <= 75; j++) {
      for (int k = 0; k < 4; k++) {
        for (int c = 0; c < w; c++) {
          out[4 * (j - 20) + 20 + k][c] = ((4 - k) * pe[j][c] + k * pe[j + 1][c]) / 4f;
        }
      }
    }
    for (int k = 0; k < 4; k++) {
      for (int c = 0; c < w; c++) {
        out[244 + k][c] = pe[76][c] + k * (pe[76][c] - pe[75][c]) / 4f;
      }
    }
    return out;
  }
}
