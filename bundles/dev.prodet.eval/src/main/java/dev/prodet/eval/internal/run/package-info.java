/**
 * Running an evaluation: scoring the faces of each dataset split with a {@link dev.prodet.api.model.Scorer}
 * (batched, loading the next batch while the current one is scored), computing the frame- and video-level metrics,
 * the robustness curves and the 2-D feature map, and collecting them into one {@link
 * dev.prodet.eval.internal.run.EvalReport}.
 */
package dev.prodet.eval.internal.run;
