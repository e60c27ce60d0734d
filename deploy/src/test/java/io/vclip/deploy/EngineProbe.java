package io.vclip.deploy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Run in a child JVM with the image's environment: loads DJL's PyTorch engine and does one tensor op. */
public final class EngineProbe {
    private EngineProbe() {}

    public static void main(String[] args) {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray sum = manager.create(new float[] {1f, 2f, 3.5f}).sum();
            System.out.println("engine=" + engine.getVersion() + " sum=" + sum.getFloat());
        }
    }
}
