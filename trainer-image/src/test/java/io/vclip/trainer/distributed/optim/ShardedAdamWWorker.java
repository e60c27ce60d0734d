package io.vclip.trainer.distributed.optim;

import ai.djl.ndarray.NDManager;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.gloo.GlooCollectives;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One rank of the W=2 optimizer test: trains {@link TinyProblem} for {@code steps} updates, saving
 * its optimizer slice and the parameters after {@code checkpointAt} updates, and the final parameters.
 */
public final class ShardedAdamWWorker {

  public static void main(String[] args) throws Exception {
    int steps = Integer.parseInt(args[0]);
    int checkpointAt = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    RendezvousEnv env = RendezvousEnv.fromEnv(System.getenv());
    try (Collectives c = GlooCollectives.connect(env, Duration.ofSeconds(30), Duration.ofSeconds(30));
        NDManager manager = NDManager.newBaseManager()) {
      TinyProblem problem = new TinyProblem(manager);
      ShardedAdamW optimizer = problem.optimizer(c);
      System.out.println("STATE rank " + c.rank() + " of " + c.worldSize() + " holds " + optimizer.stateFloats()
          + " optimizer floats for " + optimizer.layout().totalFloats() + " parameter floats");
      for (int t = 0; t < steps; t++) {
        problem.addGradient(t, c.rank(), c.worldSize());
        optimizer.step();
        if (t + 1 == checkpointAt) {
          OptimizerState s = optimizer.exportState();
          TinyProblem.write(out.resolve("state-rank" + c.rank() + ".bin"), s.m(), s.v());
          TinyProblem.write(out.resolve("params-checkpoint-rank" + c.rank() + ".bin"), problem.values());
        }
      }
      TinyProblem.write(out.resolve("params-final-rank" + c.rank() + ".bin"), problem.values());
    }
    System.out.println("DONE");
    System.exit(0);
  }
}
