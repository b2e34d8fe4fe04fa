package io.paretoprune.core.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterSelectorLstmTest {
  private static final ParameterRef KERNEL =
      new ParameterRef("lstm1", "l_0_i2h_WEIGHT", ParameterKind.LSTM_KERNEL, null);
  private static final ParameterRef BIAS =
      new ParameterRef("lstm1", "l_0_i2h_BIAS", ParameterKind.LSTM_BIAS, null);
  private static final ParameterRef DENSE =
      new ParameterRef("dense1", "weight", ParameterKind.DENSE_KERNEL, null);

  @Test
  void lstmKernelsAreSelectableOnTheirOwnAndNotByDense() {
    assertTrue(ParameterSelector.parse("lstm.kernel").matches(KERNEL));
    assertFalse(ParameterSelector.parse("lstm.kernel").matches(BIAS));
    assertFalse(ParameterSelector.parse("lstm.kernel").matches(DENSE));
    assertTrue(ParameterSelector.parse("lstm.bias").matches(BIAS));
    assertTrue(ParameterSelector.parse("lstm").matches(KERNEL));
    assertTrue(ParameterSelector.parse("lstm").matches(BIAS));
    assertFalse(ParameterSelector.denseKernels().matches(KERNEL));
    assertFalse(ParameterSelector.dense().matches(BIAS));
    assertTrue(ParameterSelector.all().matches(KERNEL));
    assertTrue(ParameterSelector.parse("dense.kernel, lstm.kernel").matches(KERNEL));
    assertTrue(ParameterSelector.parse("dense.kernel, lstm.kernel").matches(DENSE));
    assertTrue(ParameterSelector.parse("lstm1").matches(BIAS));
  }

  @Test
  void unknownTokenMessageListsTheLstmSelectors() {
    String message =
        assertThrows(IllegalArgumentException.class, () -> ParameterSelector.parse("lstm.gates"))
            .getMessage();
    assertEquals(
        "unknown parameter selector 'lstm.gates'; use dense, dense.kernel, dense.bias, conv,"
            + " conv.kernel, conv.bias, lstm, lstm.kernel, lstm.bias, norm, all, or layer names"
            + " like dense1 or conv2.weight",
        message);
  }
}
