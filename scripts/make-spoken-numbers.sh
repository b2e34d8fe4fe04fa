#!/usr/bin/env bash
# Writes the spoken-number corpus: spoken digit strings ("four one seven", 1 to 7 digits) as 16-bit
# mono 16 kHz WAV with one DeepSpeech manifest (wav_filename,wav_filesize,transcript) per split:
#   train, dev      espeak-ng voices and variants at several speeds and pitches, sox noise at a few SNRs
#   test-voices     espeak-ng voices and variants that no train or dev utterance uses, same conditions
#   test-flite      flite's voices, clean
#   test-real       the human digit recordings of asterisk-core-sounds-en-wav (8 kHz, resampled),
#                   the single digits zero to nine first, then strings joined from them with pauses
# Same seed, sizes and package versions give the same files (checked by the speech module's tests).
# A directory already holding a verified corpus of the same settings is left alone.
# usage: scripts/make-spoken-numbers.sh [--seed N] [--sizes TRAIN,DEV,VOICES,FLITE,REAL] [--jobs N] OUT_DIR
#   defaults: --seed 23 --sizes 3000,200,300,300,200 --jobs 2
set -uo pipefail

seed=23
sizes=3000,200,300,300,200
jobs=2
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="${2:-}"; shift 2 ;;
    --sizes) sizes="${2:-}"; shift 2 ;;
    --jobs) jobs="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "spoken-numbers: unknown option $1" >&2; exit 2 ;;
    *) out="$1"; shift ;;
  esac
done
fail() { echo "spoken-numbers: $*" >&2; exit 1; }
[ -n "$out" ] || { echo "spoken-numbers: give the output directory (see --help)" >&2; exit 2; }
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "spoken-numbers: --seed takes a non-negative integer, got '$seed'" >&2; exit 2; }
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "spoken-numbers: --jobs takes a positive integer, got '$jobs'" >&2; exit 2; }
[[ "$sizes" =~ ^[0-9]+,[0-9]+,[0-9]+,[0-9]+,[0-9]+$ ]] \
  || { echo "spoken-numbers: --sizes takes five counts TRAIN,DEV,VOICES,FLITE,REAL, got '$sizes'" >&2; exit 2; }
IFS=, read -r n_train n_dev n_voices n_flite n_real <<<"$sizes"

for tool in espeak-ng flite sox soxi sha256sum dpkg-query; do
  command -v "$tool" >/dev/null || fail "$tool not found (scripts/fetch-data.sh --only spoken-numbers installs it)"
done
digits_dir=$(dirname "$(dpkg -L asterisk-core-sounds-en-wav 2>/dev/null | grep -E '/digits/0\.wav$' | head -1)")
[ -f "$digits_dir/9.wav" ] || fail "the digit recordings of asterisk-core-sounds-en-wav are not installed"

# Why each setting: the train voices and variants are disjoint from test-voices' so that test set
# measures speakers never heard; the mbrola voices are left out (they need the mbrola package).
TRAIN_VOICES=(en-us en-gb en-gb-x-rp en-029 en-gb-x-gbclan)
TRAIN_VARIANTS=(default m1 m2 m3 m5 m7 f1 f2 f4 klatt klatt3 croak)
TEST_VOICES=(en-gb-scotland en-us-nyc en-gb-x-gbcwmd)
TEST_VARIANTS=(m4 m6 f3 f5 klatt4)
SPEEDS=(130 155 175 200 230)          # words per minute (espeak-ng's default is 175)
PITCHES=(25 40 50 60 75)              # espeak-ng's 0..99 (default 50)
NOISES=(none white pink brown)        # a quarter of the utterances stay clean
SNRS=(30 20 10)                       # dB, speech RMS over noise RMS, whole utterance
FLITE_VOICES=(kal kal16 awb rms slt)  # awb_time only speaks clock times
STRETCHES=(0.85 1.0 1.15)             # flite's duration_stretch
WORDS=(zero one two three four five six seven eight nine)

versions() {
  echo "generator spoken-numbers 1"
  echo "seed $seed"
  echo "sizes train=$n_train dev=$n_dev test-voices=$n_voices test-flite=$n_flite test-real=$n_real"
  dpkg-query -W -f='${Package} ${Version}\n' espeak-ng espeak-ng-data flite sox asterisk-core-sounds-en-wav
}

if [ -f "$out/SHA256SUMS" ] && [ -f "$out/VERSIONS" ] && [ "$(versions)" = "$(cat "$out/VERSIONS")" ] \
  && (cd "$out" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1); then
  echo "spoken-numbers: present and verified in $out"
  exit 0
fi

# A 31-bit LCG in bash arithmetic (no overflow in 64 bits): $RANDOM's generator changed between
# bash versions, and the plan must not depend on the shell that draws it.
state=$seed
draw() { # draw N: sets R to a number in [0, N)
  state=$(( (state * 1103515245 + 12345) % 2147483648 ))
  R=$(( (state >> 8) % $1 ))
}
transcript() { # transcript MIN MAX: sets T to MIN..MAX digit words
  draw $(( $2 - $1 + 1 )); local n=$(( $1 + R )) i
  T=""
  for ((i = 0; i < n; i++)); do draw 10; T+="${T:+ }${WORDS[$R]}"; done
}

tmp="$out.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp/.work" || fail "cannot create $tmp"
trap 'rm -rf "$tmp"' EXIT
bank="$tmp/.work/noise"
mkdir -p "$bank"
# One 30 s bank per noise colour (sox -R seeds its generator with a fixed number); each utterance
# takes a slice at a drawn offset, so noise differs between utterances and repeats between runs.
for colour in white pink brown; do
  sox -R -D -n -r 16000 -b 16 -c 1 "$bank/$colour.wav" synth 30 "${colour}noise" vol 0.5 \
    || fail "sox cannot synthesise $colour noise"
  sox "$bank/$colour.wav" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}' >"$bank/$colour.rms"
done

# Plan lines: split|id|kind|voice|variant|speed|pitch|noise|snr|offset|pauses|transcript
plan="$tmp/.work/plan"
: >"$plan"
espeak_plan() { # espeak_plan SPLIT COUNT VOICES_ARRAY VARIANTS_ARRAY
  local split=$1 count=$2 i v var sp pi no snr off
  local -n voices=$3 variants=$4
  for ((i = 1; i <= count; i++)); do
    transcript 1 7
    draw ${#voices[@]}; v=${voices[$R]}
    draw ${#variants[@]}; var=${variants[$R]}
    draw ${#SPEEDS[@]}; sp=${SPEEDS[$R]}
    draw ${#PITCHES[@]}; pi=${PITCHES[$R]}
    draw ${#NOISES[@]}; no=${NOISES[$R]}
    draw ${#SNRS[@]}; snr=${SNRS[$R]}
    draw 320000; off=$R   # samples into the 30 s bank; utterances stay below 10 s
    [ "$no" = none ] && snr=""
    printf '%s|%05d|espeak|%s|%s|%s|%s|%s|%s|%s||%s\n' "$split" "$i" "$v" "$var" "$sp" "$pi" "$no" "$snr" "$off" "$T" >>"$plan"
  done
}
espeak_plan train "$n_train" TRAIN_VOICES TRAIN_VARIANTS
espeak_plan dev "$n_dev" TRAIN_VOICES TRAIN_VARIANTS
espeak_plan test-voices "$n_voices" TEST_VOICES TEST_VARIANTS
for ((i = 1; i <= n_flite; i++)); do
  transcript 1 7
  draw ${#FLITE_VOICES[@]}; v=${FLITE_VOICES[$R]}
  draw ${#STRETCHES[@]}; sp=${STRETCHES[$R]}
  printf 'test-flite|%05d|flite|%s||%s||none||||%s\n' "$i" "$v" "$sp" "$T" >>"$plan"
done
for ((i = 1; i <= n_real; i++)); do
  if [ "$i" -le 10 ]; then T=${WORDS[$((i - 1))]}; else transcript 2 7; fi
  pauses=""
  n_words=$(wc -w <<<"$T")
  for ((k = 1; k < n_words; k++)); do draw 5; pauses+="${pauses:+,}$(( 100 + 50 * R ))"; done  # ms
  printf 'test-real|%05d|real|allison|||||||%s|%s\n' "$i" "$pauses" "$T" >>"$plan"
done

render() { # render PLAN_LINE: writes SPLIT/ID.wav under $tmp
  local split id kind voice variant speed pitch noise snr off pauses text
  IFS='|' read -r split id kind voice variant speed pitch noise snr off pauses text <<<"$1"
  local w="$tmp/.work/$split-$id" dest="$tmp/$split/$id.wav"
  case "$kind" in
    espeak)
      local v=$voice; [ "$variant" = default ] || v="$voice+$variant"
      espeak-ng -v "$v" -s "$speed" -p "$pitch" -w "$w.raw.wav" "$text" || return 1
      if [ "$noise" = none ]; then
        sox -R -D -G "$w.raw.wav" -r 16000 -b 16 -c 1 "$dest" || return 1
      else
        # One pass resamples and measures (stat passes the audio on); awk turns the speech RMS,
        # the bank's RMS and the SNR into the noise gain; one more pass mixes in the bank's slice.
        local len gain
        read -r len gain < <(sox -R -D -G "$w.raw.wav" -b 16 -c 1 "$w.clean.wav" rate 16k stat 2>&1 \
          | awk -v n="$(<"$bank/$noise.rms")" -v db="$snr" '
              /^Samples read/ {len = $3} /^RMS +amplitude/ {rms = $3}
              END {printf "%d %.6f\n", len, 0.8 * rms / (n * exp(db / 20 * log(10)))}')
        [ -n "$gain" ] || return 1
        # Both inputs scaled by 0.8 leave headroom for the sum (sox -m would otherwise clip peaks).
        sox -R -D -m -v 0.8 "$w.clean.wav" -v "$gain" "|sox $bank/$noise.wav -p trim ${off}s ${len}s" \
          -b 16 "$dest" || return 1
        # A short read of the piped slice would mix silently into a shorter file: refuse it.
        local got; got=$(soxi -s "$dest") || return 1
        [ "$got" = "$len" ] || { echo "spoken-numbers: $split/$id.wav has $got samples, not $len" >&2; return 1; }
      fi ;;
    flite)
      flite -voice "$voice" --setf duration_stretch="$speed" -t "$text" -o "$w.raw.wav" || return 1
      sox -R -D -G "$w.raw.wav" -r 16000 -b 16 -c 1 "$dest" || return 1 ;;
    real)
      local parts=() word k=0 p
      IFS=, read -r -a p <<<"$pauses"
      for word in $text; do
        for ((d = 0; d < 10; d++)); do [ "${WORDS[$d]}" = "$word" ] && break; done
        if [ $k -gt 0 ]; then
          local ms=${p[$((k - 1))]} sec
          printf -v sec '%d.%03d' $((ms / 1000)) $((ms % 1000))
          sox -R -D -n -r 8000 -b 16 -c 1 "$w.pause$k.wav" trim 0 "$sec" || return 1
          parts+=("$w.pause$k.wav")
        fi
        parts+=("$digits_dir/$d.wav")
        k=$((k + 1))
      done
      sox -R -D -G "${parts[@]}" -r 16000 -b 16 -c 1 "$dest" || return 1 ;;
  esac
  rm -f "$w".*
}
export -f render
export tmp bank digits_dir
export WORDS_LIST="${WORDS[*]}"

for split in train dev test-voices test-flite test-real; do mkdir -p "$tmp/$split"; done
start=$(date +%s)
# bash -c cannot inherit arrays, so each worker rebuilds WORDS from a string.
# Batches of 25 plan lines per worker shell keep process starts down.
if ! xargs -d '\n' -P "$jobs" -n 25 bash -c 'WORDS=($WORDS_LIST); for l; do render "$l" || { echo "spoken-numbers: cannot render: $l" >&2; exit 255; }; done' _ <"$plan"; then
  fail "rendering failed; nothing was written to $out"
fi

for split in train dev test-voices test-flite test-real; do
  {
    echo "wav_filename,wav_filesize,transcript"
    grep "^$split|" "$plan" | while IFS='|' read -r _ id _ _ _ _ _ _ _ _ _ text; do
      echo "$split/$id.wav,$(stat -c %s "$tmp/$split/$id.wav"),$text"
    done
  } >"$tmp/$split.csv"
  {
    echo "wav_filename,source,voice,variant,speed,pitch,noise,snr_db,noise_offset,pauses_ms"
    grep "^$split|" "$plan" | while IFS='|' read -r _ id kind voice variant speed pitch noise snr off pauses _; do
      echo "$split/$id.wav,$kind,$voice,$variant,$speed,$pitch,$noise,$snr,$off,${pauses//,/ }"
    done
  } >"$tmp/$split.meta.csv"
done
rm -rf "$tmp/.work"
versions >"$tmp/VERSIONS"
(cd "$tmp" && find . -type f ! -name SHA256SUMS | sed 's,^\./,,' | LC_ALL=C sort | xargs -d '\n' sha256sum >SHA256SUMS) \
  || fail "cannot write SHA256SUMS"
rm -rf "$out" && mv "$tmp" "$out" || fail "cannot move the corpus into $out"
trap - EXIT
echo "spoken-numbers: wrote $(( n_train + n_dev + n_voices + n_flite + n_real )) utterances to $out in $(( $(date +%s) - start )) s"
