"""jieba's HMM for runs of characters its dictionary does not join, in linear time.

jieba's own Viterbi (`finalseg.viterbi`) copies every path at every character, so a long
run of one character took minutes (100,000 × 的: 47 s); this computes the same states with
back-pointers (the reliability issue, F15).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

with warnings.catch_warnings():
    # jieba 0.42.1 has invalid escape sequences in its sources (see segmenter.py).
    warnings.filterwarnings("ignore", category=SyntaxWarning)
    warnings.filterwarnings(
        "ignore", message="invalid escape sequence", category=DeprecationWarning
    )
    from jieba import finalseg


def hmm_cut(run: str) -> Iterator[str]:
    """jieba's `finalseg.cut`: words of a run of characters the dictionary does not join,
    found by its HMM, with the same model, words and order.

    jieba's Viterbi copies the best path of every state at every character, so a long run
    of characters outside the dictionary (10^5 times 的) was quadratic (issue F15, 47 s);
    `_hmm_states` keeps back-pointers instead and is linear.
    """
    for block in finalseg.re_han.split(run):
        if not block:
            continue
        if finalseg.re_han.match(block):
            for word in _hmm_words(block):
                if word in finalseg.Force_Split_Words:  # words removed with del_word
                    yield from word
                else:
                    yield word
        else:
            yield from (piece for piece in finalseg.re_skip.split(block) if piece)


def _hmm_words(block: str) -> Iterator[str]:
    """jieba's `finalseg.__cut`: the words of one run of Han characters."""
    begin = following = 0
    for i, state in enumerate(_hmm_states(block)):
        if state == "B":
            begin = i
        elif state == "E":
            yield block[begin : i + 1]
            following = i + 1
        elif state == "S":
            yield block[i]
            following = i + 1
    if following < len(block):
        yield block[following:]


def _hmm_states(observed: str) -> str:
    """The B/M/E/S state of each character on the most likely path, as jieba's
    `finalseg.viterbi` finds it, with the same sums in the same order and the same choices.

    jieba takes, for each state, the larger (probability, previous state) tuple over the
    previous states it allows (`PrevStatus`: B after E or S, M after M or B, S after S or E,
    E after B or M), so on equal probabilities the later letter wins; the comparisons below
    spell out those tuples. One back-pointer per character (4 bits: which previous state
    each state came from) replaces jieba's copy of every path.
    """
    lowest = finalseg.MIN_FLOAT
    start_p, trans_p = finalseg.start_P, finalseg.trans_P
    emit_b, emit_m, emit_e, emit_s = (finalseg.emit_P[y].get for y in "BMES")
    eb, sb = trans_p["E"].get("B", lowest), trans_p["S"].get("B", lowest)
    mm, bm = trans_p["M"].get("M", lowest), trans_p["B"].get("M", lowest)
    ss, es = trans_p["S"].get("S", lowest), trans_p["E"].get("S", lowest)
    be, me = trans_p["B"].get("E", lowest), trans_p["M"].get("E", lowest)
    first = observed[0]
    b = start_p["B"] + emit_b(first, lowest)
    m = start_p["M"] + emit_m(first, lowest)
    e = start_p["E"] + emit_e(first, lowest)
    s = start_p["S"] + emit_s(first, lowest)
    pointers = bytearray(len(observed))
    for t in range(1, len(observed)):
        char = observed[t]
        step = 0
        emitted = emit_b(char, lowest)
        from_e, from_s = e + eb + emitted, s + sb + emitted
        if from_e > from_s:  # (p, "E") beats (p, "S") only on a larger p
            new_b, step = from_e, 1
        else:
            new_b = from_s
        emitted = emit_m(char, lowest)
        from_m, from_b = m + mm + emitted, b + bm + emitted
        if from_m >= from_b:  # "M" > "B"
            new_m = from_m
        else:
            new_m, step = from_b, step | 2
        emitted = emit_s(char, lowest)
        from_s, from_e = s + ss + emitted, e + es + emitted
        if from_s >= from_e:  # "S" > "E"
            new_s = from_s
        else:
            new_s, step = from_e, step | 4
        emitted = emit_e(char, lowest)
        from_b, from_m = b + be + emitted, m + me + emitted
        if from_b > from_m:  # "B" < "M"
            new_e, step = from_b, step | 8
        else:
            new_e = from_m
        b, m, e, s = new_b, new_m, new_e, new_s
        pointers[t] = step
    state = "S" if s >= e else "E"
    path = [state]
    for t in range(len(observed) - 1, 0, -1):
        step = pointers[t]
        if state == "B":
            state = "E" if step & 1 else "S"
        elif state == "M":
            state = "B" if step & 2 else "M"
        elif state == "S":
            state = "E" if step & 4 else "S"
        else:
            state = "B" if step & 8 else "M"
        path.append(state)
    return "".join(reversed(path))
