#!/usr/bin/env bash
# Builds the demo input (samples/demo.wav) and the built-in player's demo music (samples/music/<mood>/*.wav).
# Idempotent: every run rebuilds the same files from the same inputs. The outputs are committed, so a fresh
# machine needs neither the dataset nor this script; run it only to change the samples.
#
# Needs: sox, opus-tools (opusdec). Falls back to espeak-ng when the emotional-speech dataset is absent.
# Usage: samples/make-samples.sh [path-to-ser-dataset]   (default: ../shared/ser beside the repository)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
ser="${1:-${SER_DIR:-$repo/../shared/ser}}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# -R: repeatable mode (fixed seeds for pluck noise and dither), so re-running gives byte-identical files.
sox() { command sox -R "$@"; }

need() { command -v "$1" >/dev/null || { echo "make-samples: '$1' not found (apt-get install $2)" >&2; exit 1; }; }
need sox sox

# Every intermediate file is 16 kHz mono PCM16 so sox can concatenate them without surprises.
fmt=(-r 16000 -c 1 -b 16 -e signed-integer)

silence() { sox -n "${fmt[@]}" "$2" trim 0 "$1"; }

# ---------------------------------------------------------------------------------------------------------------
# demo.wav: 1 s silence, then neutral / happy / angry / sad blocks of RAVDESS clips, 1.5 s silence between blocks
# (3 s before the last).
# ---------------------------------------------------------------------------------------------------------------
# RAVDESS file names: modality-channel-emotion-intensity-statement-repetition-actor.
# Emotion 01 neutral, 02 calm (the dataset's unified label folds it into neutral), 03 happy, 04 sad, 05 angry;
# intensity 01 normal, 02 strong.
#
# The speakers are actors 07, 12, 13 and 14: validation speakers of the shipped model's speaker-grouped split
# (training/data.py make_split; training/make_eval_set.py lists them), i.e. voices it was NOT trained on. The clips are
# the ones the shipped model hears most clearly: every held-out RAVDESS clip of the four emotions was scored by its
# windows in `orpheus listen --fast --json` (mean probability of the clip's own label; only clips whose every window
# names that label), after `orpheus eval` per speaker (samples/README.md has the numbers). Chosen for clarity BY the
# shipped model, so the demo shows the product working, not how well the model generalises.
#
# Each block lasts long enough for the debouncer's hold and the 10 s dwell (config/appsettings.json Debounce:*) to let
# every block change the music in a --fast run, while the whole file stays under the API's 60 s clip limit
# (Api:MaxClipSeconds); clips repeat where the clearly heard ones are fewer (sad above all).
blocks=(
  "neutral:03-01-01-01-02-02-07 03-01-02-01-02-01-07 03-01-02-02-01-01-07 03-01-02-01-01-01-07"
  "happy:03-01-03-02-01-02-13 03-01-03-02-02-02-12 03-01-03-02-01-01-13 03-01-03-01-02-01-07 03-01-03-02-01-01-07 03-01-03-01-01-01-14"
  "angry:03-01-05-02-01-02-07 03-01-05-02-01-02-13 03-01-05-02-02-01-13 03-01-05-02-02-02-12 03-01-05-02-01-02-12 03-01-05-02-02-01-12"
  "sad:03-01-04-01-02-01-14 03-01-04-02-02-01-07 03-01-04-01-02-02-12 03-01-04-01-02-01-12 03-01-04-02-01-02-07 03-01-04-01-02-01-14 03-01-04-02-02-01-07 03-01-04-01-02-02-12 03-01-04-01-02-01-12"
)

make_demo_from_dataset() {
  need opusdec opus-tools
  local parts=() i=0 t=1
  silence 1 "$work/lead.wav"; parts+=("$work/lead.wav")
  silence 1.5 "$work/gap.wav"
  silence 3 "$work/pause.wav"
  for block in "${blocks[@]}"; do
    local label="${block%%:*}" clips="${block#*:}" start
    # 1.5 s between blocks; 3 s before the last one, so the demo also shows a window without speech (silence).
    if (( i == ${#blocks[@]} - 1 )); then parts+=("$work/pause.wav"); t=$(echo "$t + 3" | bc -l)
    elif (( i > 0 )); then parts+=("$work/gap.wav"); t=$(echo "$t + 1.5" | bc -l); fi
    start=$t
    for clip in $clips; do
      local src="$ser/audio/ravdess/Actor_${clip##*-}/$clip.opus"
      [[ -f "$src" ]] || { echo "make-samples: missing $src" >&2; return 1; }
      opusdec --quiet --rate 16000 "$src" "$work/$clip.raw.wav"
      # Peak-normalise to -3 dBFS (moderate: every block clearly audible, none clips), then trim the clip's own
      # leading/trailing silence (RAVDESS clips carry ~1 s of it) to 0.15 s, so a 3-second window is mostly speech.
      sox "$work/$clip.raw.wav" "${fmt[@]}" "$work/$clip.wav" remix - gain -n -3 \
        silence 1 0.05 2% reverse silence 1 0.05 2% reverse pad 0.15 0.15
      parts+=("$work/$clip.wav")
      t=$(echo "$t + $(soxi -D "$work/$clip.wav")" | bc -l)
    done
    printf 'make-samples: %-8s %5.1f-%5.1f s = %s\n' "$label" "$start" "$t" "$clips"
    i=$((i + 1))
  done
  sox "${parts[@]}" "${fmt[@]}" "$here/demo.wav"
}

make_demo_with_espeak() {
  need espeak-ng espeak-ng
  echo "make-samples: $ser not found; using espeak-ng (no real emotion, only for smoke tests)" >&2
  local parts=() i=0
  silence 1 "$work/lead.wav"; parts+=("$work/lead.wav")
  silence 2 "$work/gap.wav"
  # Pitch/speed vary per block so the blocks at least sound different.
  local -a texts=("This is a calm and ordinary sentence about the weather today."
                  "Wow, this is wonderful news, I am so happy to hear it!"
                  "Stop that right now, I am absolutely furious about this!"
                  "I miss them so much, everything feels empty and grey.")
  local -a pitch=(50 80 40 30) speed=(160 190 200 120)
  for k in 0 1 2 3; do
    (( k > 0 )) && parts+=("$work/gap.wav")
    espeak-ng -p "${pitch[$k]}" -s "${speed[$k]}" -w "$work/tts$k.raw.wav" "${texts[$k]} ${texts[$k]}"
    sox "$work/tts$k.raw.wav" "${fmt[@]}" "$work/tts$k.wav" remix - gain -n -3
    parts+=("$work/tts$k.wav")
  done
  sox "${parts[@]}" "${fmt[@]}" "$here/demo.wav"
}

if [[ -d "$ser/audio/ravdess/Actor_07" ]]; then make_demo_from_dataset; else make_demo_with_espeak; fi
echo "make-samples: $(soxi -D "$here/demo.wav") s -> samples/demo.wav"

# ---------------------------------------------------------------------------------------------------------------
# Demo music: one synthetic tune per mood. An arpeggio over a 4-chord progression plus a bass note per chord,
# each mood with its own tempo, key and timbre. 22.05 kHz mono PCM16 keeps each file well under 1 MB.
# ---------------------------------------------------------------------------------------------------------------
mrate=22050
mfmt=(-r "$mrate" -c 1 -b 16 -e signed-integer)

# tune <mood> <note seconds> <wave> <bass wave> <bars> <chord> [<chord> ...]
# A chord is notes separated by commas ("C4,E4,G4,B4"); the arpeggio cycles through it for one bar of 8 notes.
tune() {
  local mood="$1" step="$2" wave="$3" bwave="$4" bars="$5"; shift 5
  local chords=("$@") notes=() bass=() n=0
  mkdir -p "$here/music/$mood"
  rm -f "$here/music/$mood"/*.wav
  for (( bar = 0; bar < bars; bar++ )); do
    local chord="${chords[$(( bar % ${#chords[@]} ))]}"
    IFS=',' read -r -a tones <<< "$chord"
    for (( k = 0; k < 8; k++ )); do
      # Up-and-down arpeggio; a short fade avoids clicks between notes.
      local idx=$(( k < ${#tones[@]} ? k : (2 * ${#tones[@]} - 2 - k) % ${#tones[@]} ))
      (( idx < 0 )) && idx=$(( -idx ))
      local f="$work/$mood-n$n.wav"
      sox -n "${mfmt[@]}" "$f" synth "$step" "$wave" "${tones[$idx]}" fade q 0.01 "$step" "$(echo "$step * 0.4" | bc -l)" vol 0.5
      notes+=("$f"); n=$((n + 1))
    done
    local root="${tones[0]}" b="$work/$mood-b$bar.wav"
    # The bass plays the chord root two octaves down for the whole bar.
    local broot="${root%?}$(( ${root: -1} - 2 ))"
    sox -n "${mfmt[@]}" "$b" synth "$(echo "$step * 8" | bc -l)" "$bwave" "$broot" fade q 0.05 0 0.3 vol 0.45
    bass+=("$b")
  done
  sox "${notes[@]}" "$work/$mood-melody.wav"
  sox "${bass[@]}" "$work/$mood-bass.wav"
  # The fade-out position is explicit: after reverb, sox does not know the length and "-0" cuts the tune short.
  local length; length="$(soxi -D "$work/$mood-melody.wav")"
  sox -m "$work/$mood-melody.wav" "$work/$mood-bass.wav" "${mfmt[@]}" "$here/music/$mood/$mood-theme.wav" \
    reverb 40 50 60 fade q 0.3 "$length" 1.5 gain -n -4
  echo "make-samples: music/$mood/$mood-theme.wav $(soxi -D "$here/music/$mood/$mood-theme.wav") s"
}

command -v bc >/dev/null || { echo "make-samples: 'bc' not found (apt-get install bc)" >&2; exit 1; }
# chill: slow, warm pluck, C major 7ths.
tune chill 0.42 pluck sine 5 C4,E4,G4,B4 A3,C4,E4,G4 F3,A3,C4,E4 G3,B3,D4,F4
# upbeat: brisk, bright square-ish lead, G major pop progression.
tune upbeat 0.24 square sine 9 G4,B4,D5,G5 D4,F#4,A4,D5 E4,G4,B4,E5 C4,E4,G4,C5
# comforting: slow, soft sine, F major lullaby.
tune comforting 0.5 sine sine 4 F4,A4,C5,F5 C4,E4,G4,C5 D4,F4,A4,D5 A#3,D4,F4,A#4
# energetic: fast sawtooth, E minor drive.
tune energetic 0.16 sawtooth square 14 E4,G4,B4,E5 C4,E4,G4,C5 D4,F#4,A4,D5 B3,D#4,F#4,B4
# exciting: fast, rising, D major with a suspended lift.
tune exciting 0.19 trapezium sawtooth 11 D4,F#4,A4,D5 B3,D4,F#4,B4 G4,B4,D5,G5 A4,C#5,E5,A5
