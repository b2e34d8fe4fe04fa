#!/usr/bin/python3
"""Independent oracle for the speech module's features (Debian's python3-numpy and python3-scipy).

DeepSpeech 0.9 computes features with TensorFlow's audio_spectrogram (32 ms periodic Hann windows
every 20 ms, 512-point FFT, squared magnitude, whole windows only) and mfcc (40-channel mel
filterbank from 20 Hz to 8 kHz on the magnitude, log floored at 1e-12, DCT-II scaled by
sqrt(2/N), 26 coefficients), then windows of 9 frames of context on each side ('SAME' padding).
This script computes the same thing another way: numpy's FFT, scipy's Hann window and DCT, the
filterbank as one weight matrix, the context by np.pad and a sliding window view.

usage: mfcc-oracle.py OUT_DIR            writes the fixed signals as WAV and their features
       mfcc-oracle.py --features WAV OUT features of one 16-bit mono 16 kHz WAV into OUT (text)
The checked-in resources under speech/src/test/resources/io/paretoprune/speech/audio/ come from
the first form; the tests call the second form live when /usr/bin/python3 has numpy and scipy.
"""
import sys
import wave

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.fft import dct
from scipy.signal import get_window

RATE, WINDOW, STEP, FFT = 16000, 512, 320, 512
CHANNELS, COEFFS, LOW, HIGH, CONTEXT = 40, 26, 20.0, 8000.0, 9


def mel(hz):
    return 1127.0 * np.log1p(np.asarray(hz, dtype=np.float64) / 700.0)


def filterbank_matrix(bins=FFT // 2 + 1):
    hz_per_bin = 0.5 * RATE / (bins - 1)
    centres = mel(LOW) + (mel(HIGH) - mel(LOW)) / (CHANNELS + 1) * np.arange(1, CHANNELS + 2)
    start, end = int(1.5 + LOW / hz_per_bin), int(HIGH / hz_per_bin)
    w = np.zeros((bins, CHANNELS))
    for i in range(start, end + 1):
        m = mel(i * hz_per_bin)
        band = int(np.searchsorted(centres[:CHANNELS], m, side="left")) - 1
        if band >= 0:
            lower = (centres[band + 1] - m) / (centres[band + 1] - centres[band])
            w[i, band] += lower
        else:
            lower = (centres[0] - m) / (centres[0] - mel(LOW))
        if band + 1 < CHANNELS:
            w[i, band + 1] += 1.0 - lower
    return w


def mfcc(samples):
    if len(samples) < WINDOW:
        return np.zeros((0, COEFFS))
    frames = sliding_window_view(samples.astype(np.float64), WINDOW)[::STEP]
    power = np.abs(np.fft.rfft(frames * get_window("hann", WINDOW, fftbins=True), n=FFT)) ** 2
    energies = np.sqrt(power) @ filterbank_matrix()
    logs = np.log(np.maximum(energies, 1e-12))
    # scipy's unnormalised DCT-II is 2 sum x cos(...); TensorFlow's is sqrt(2/N) sum x cos(...).
    return dct(logs, type=2, axis=-1)[:, :COEFFS] * np.sqrt(2.0 / CHANNELS) / 2.0


def with_context(features):
    padded = np.pad(features, ((CONTEXT, CONTEXT), (0, 0)))
    windows = sliding_window_view(padded, (2 * CONTEXT + 1, features.shape[1]))[:, 0]
    return windows.reshape(features.shape[0], -1)


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getframerate() == RATE and w.getsampwidth() == 2 and w.getnchannels() == 1, path
        data = w.readframes(w.getnframes())
    return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0


def write_wav(path, samples):
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def signals():
    t = np.arange(int(0.6 * RATE)) / RATE
    rng = np.random.default_rng(23)
    tones = 0.3 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1250 * t)
    tones *= np.minimum(1.0, t / 0.1)
    chirp = 0.5 * np.sin(2 * np.pi * (100 * t + 0.5 * (7000 - 100) / t[-1] * t**2))
    noise = 0.05 * rng.standard_normal(len(t))
    # Silence then a burst: the silent frames hit the 1e-12 floor of the log.
    gap = np.concatenate([np.zeros(4000), 0.4 * rng.standard_normal(2000), np.zeros(1000)])
    return {"tones": tones, "chirp": chirp, "noise": noise, "gap": gap}


def save(path, matrix):
    np.savetxt(path, matrix, fmt="%.9g")


def main(argv):
    if len(argv) == 4 and argv[1] == "--features":
        save(argv[3], mfcc(read_wav(argv[2])))
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    for name, samples in signals().items():
        write_wav(f"{out}/{name}.wav", samples)
        # The oracle reads back what was written: the features are of the 16-bit samples.
        features = mfcc(read_wav(f"{out}/{name}.wav"))
        save(f"{out}/{name}.mfcc.txt", features)
        if name == "tones":
            save(f"{out}/{name}.inputs.txt", with_context(features))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
