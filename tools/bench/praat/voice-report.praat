# Praat reference for mer4j's voice descriptors (tools/bench/voice-vs-praat.sh, voice-speed.sh).
# For every *.wav in inDir: Pitch (ac) at 10 ms, a cross-correlation PointProcess, jitter (local),
# shimmer (local, dB) and the mean harmonicity. Writes outDir/praat-voice.tsv (one line per
# file) and, when writeFrames is 1, outDir/<name>.pitch.tsv with "time<TAB>F0 Hz" per frame (0 = unvoiced).
# HNR_METHOD: cc = To Harmonicity (cc) with 1 period per window (the voice-vs-praat reference),
# ac = To Harmonicity (ac) with 3 periods per window (Boersma 1993's autocorrelation HNR, the method
# behind mer4j's HNR; Praat cannot return its pitch pass's strengths from a script, so it is a second pass),
# none = no HNR (the column is 0).
# Usage: praat --run voice-report.praat IN_DIR OUT_DIR FLOOR CEILING WRITE_FRAMES HNR_METHOD
form Voice report
    sentence inDir .
    sentence outDir .
    real floor 75
    real ceiling 600
    integer writeFrames 1
    word hnrMethod cc
endform
if hnrMethod$ <> "cc" and hnrMethod$ <> "ac" and hnrMethod$ <> "none"
    exitScript: "hnrMethod must be cc, ac or none, got ", hnrMethod$
endif

list = Create Strings as file list: "list", inDir$ + "/*.wav"
Sort
n = Get number of strings
summary$ = outDir$ + "/praat-voice.tsv"
writeFileLine: summary$, "file", tab$, "duration_s", tab$, "jitter_local", tab$, "shimmer_local_db", tab$, "hnr_mean_db"
for i to n
    selectObject: list
    name$ = Get string: i
    sound = Read from file: inDir$ + "/" + name$
    dur = Get total duration
    # time step, floor, max candidates, very accurate, silence thr, voicing thr, octave cost, octave-jump cost, V/UV cost, ceiling
    pitch = To Pitch (ac): 0.01, floor, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, ceiling
    if writeFrames
        nf = Get number of frames
        out$ = ""
        for j to nf
            t = Get time from frame number: j
            f = Get value in frame: j, "Hertz"
            if f = undefined
                f = 0
            endif
            out$ = out$ + fixed$(t, 5) + tab$ + fixed$(f, 3) + newline$
        endfor
        writeFile: outDir$ + "/" + (name$ - ".wav") + ".pitch.tsv", out$
    endif
    selectObject: sound, pitch
    pp = To PointProcess (cc)
    # time range, shortest period, longest period, maximum period factor
    jit = Get jitter (local): 0, 0, 0.0001, 0.02, 1.3
    selectObject: sound, pp
    # ... plus maximum amplitude factor
    shim = Get shimmer (local_dB): 0, 0, 0.0001, 0.02, 1.3, 1.6
    hnr = 0
    if hnrMethod$ <> "none"
        selectObject: sound
        # time step, minimum pitch, silence threshold, periods per window
        if hnrMethod$ = "cc"
            harm = To Harmonicity (cc): 0.01, floor, 0.1, 1.0
        else
            harm = To Harmonicity (ac): 0.01, floor, 0.1, 3.0
        endif
        hnr = Get mean: 0, 0
        removeObject: harm
    endif
    appendFileLine: summary$, name$, tab$, dur, tab$, jit, tab$, shim, tab$, hnr
    removeObject: sound, pitch, pp
endfor
removeObject: list
