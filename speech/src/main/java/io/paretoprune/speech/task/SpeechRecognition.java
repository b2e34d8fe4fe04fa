package io.paretoprune.speech.task;

import io.paretoprune.core.task.ExampleKind;
import io.paretoprune.core.task.Task;
import io.paretoprune.core.task.TaskMetric;
import java.util.List;

/** Transcribing speech, measured by the word error rate (primary) and the character error rate. */
public final class SpeechRecognition implements Task {
  public static final String NAME = "speech-recognition";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "transcripts from audio, measured by greedy-decoded word and character error rates";
  }

  /** Utterances as frames of features, transcribed frame by frame (CTC). */
  @Override
  public ExampleKind examples() {
    return ExampleKind.FRAME_SEQUENCES;
  }

  @Override
  public List<TaskMetric> metrics() {
    return errorRates(BatchErrorCounts.greedy());
  }

  /** WER and CER on one batch cache, so that a batch is decoded once for both. */
  static List<TaskMetric> errorRates(BatchErrorCounts counts) {
    return List.of(ErrorRateMetric.words(counts), ErrorRateMetric.characters(counts));
  }
}
