"""Several processes writing one project at once lose nobody's work and never fail busy.

2 processes (4 with HNREADER_SLOW=1) each make N read-modify-write actions (150, or 500
slow) on the same file, started together by a barrier file: notes appended with
`note_was` (retrying on CONFLICT), tags added to one shared annotation, own annotations
created, edited, deleted, undone and redone, and an undo of a note another process edited
later. This file is also the writer process: ``python test_concurrent_writers.py SCENARIO
PROJECT INDEX N BARRIER PARAMS`` prints one JSON result line.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import SLOW, trials

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import ErrorCode, StoreError
from hnreader.core.project import Project
from hnreader.core.store import Store

PROCESSES = 4 if SLOW else 2
ACTIONS = trials(150, 500)
WAIT_S = 120.0
POLL_S = 0.002

# -- the writer process


class Counts:
    """What went wrong or had to be retried in one writer."""

    def __init__(self) -> None:
        self.conflicts = 0
        self.busy = 0
        self.errors: list[str] = []

    def attempt(
        self, action: Callable[..., Any], *args: Any, retry_conflicts: bool = True, **kwargs: Any
    ) -> Any:
        """Run an action, retrying (and counting) CONFLICTs; BUSY and others are recorded."""
        for _ in range(10_000):
            try:
                return action(*args, **kwargs)
            except StoreError as error:
                if error.code == ErrorCode.CONFLICT and retry_conflicts:
                    self.conflicts += 1
                    continue
                if error.code == ErrorCode.BUSY:
                    self.busy += 1
                self.errors.append(f"{_name(action)} at {time.time():.3f}: {error.code}: {error}")
                return None
            except Exception as error:  # a raw "database is locked" would land here
                self.errors.append(f"{_name(action)}: {type(error).__name__}: {error}")
                return None
        self.errors.append("gave up after 10,000 conflicts")
        return None

    def result(self) -> dict[str, Any]:
        return {"conflicts": self.conflicts, "busy": self.busy, "errors": self.errors}


def _name(action: Callable[..., Any]) -> str:
    return getattr(action, "__name__", repr(action))


def wait_for(path: Path, timeout: float = WAIT_S) -> None:
    """Bounded polling for a file another process creates."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not appear within {timeout} s")
        time.sleep(POLL_S)


def signal_file(path: Path, text: str = "") -> None:
    """Create a file all at once (written aside, then renamed), for another process."""
    aside = path.with_name(path.name + ".tmp")
    aside.write_text(text, encoding="utf-8")
    aside.replace(path)


def think(rng: random.Random) -> None:
    """A user's pause between reading and acting (up to 3 ms). Not synchronisation: without
    it SQLite's busy handler, which polls a locked file at growing intervals (up to 100 ms),
    lets one writer run every action back to back while the other waits, so the writers
    would start together but not interleave (measured: one switch of writer in 300 notes)."""
    time.sleep(rng.uniform(0.0, 0.003))


def append_notes(project: Project, index: int, n: int, params: dict[str, Any]) -> dict[str, Any]:
    """(a) Append a unique token to one shared note, n times, from the note as read."""
    counts, target = Counts(), params["annotation"]
    rng = random.Random(params["seed"] + index)
    tokens = []
    for k in range(n):
        token = f"w{index}-{k}"

        def append(token: str = token) -> Any:
            current = project.store.annotation(target).note
            think(rng)
            return project.update_annotation(target, note=f"{current} {token}", note_was=current)

        if counts.attempt(append) is not None:
            tokens.append(token)
    return {"tokens": tokens, **counts.result()}


def add_tags(project: Project, index: int, n: int, params: dict[str, Any]) -> dict[str, Any]:
    """(b) Create own tags and add each to one shared annotation (`add_tag_ids`); remove one
    of them now and then (`remove_tag_ids`). After each change, this writer's tags on the
    annotation (as the change recorded them) must be exactly those it added and did not
    remove: another writer's change, made from an older tag set, would undo some."""
    counts, target = Counts(), params["annotation"]
    rng = random.Random(params["seed"] + index)
    mine: set[int] = set()
    made: set[int] = set()
    removed: list[int] = []
    drifted = 0
    for k in range(n):
        created = counts.attempt(project.add_tag, f"w{index}-{k}")
        if created is None:
            continue
        made.add(created.result_id)
        change = counts.attempt(project.update_annotation, target, add_tag_ids=[created.result_id])
        if change is not None:
            mine.add(created.result_id)
        if k % 10 == 9 and change is not None:
            drop = rng.choice(sorted(mine))
            change = counts.attempt(project.update_annotation, target, remove_tag_ids=[drop])
            if change is not None:
                mine.discard(drop)
                removed.append(drop)
        think(rng)
        if change is None:
            continue
        links = change.after["annotation_tags"]
        seen = {t for (a, t), row in links.items() if row is not None and a == target}
        drifted += (seen & made) != mine
    return {"tags": sorted(mine), "removed": removed, "drifted": drifted, **counts.result()}


def own_annotations(project: Project, index: int, n: int, params: dict[str, Any]) -> dict[str, Any]:
    """(c) Create, edit and delete own annotations, undo and redo some: a mirror of the
    undo stack says which of them must exist afterwards, with which note."""
    counts, tag = Counts(), params["tag"]
    rng = random.Random(params["seed"] + index)
    articles = project.store.article_ids()
    alive: dict[int, str] = {}
    ever: set[int] = set()
    done: list[tuple[Any, ...]] = []
    undone: list[tuple[Any, ...]] = []

    def apply(step: tuple[Any, ...], *, undo: bool) -> None:
        kind, annotation_id = step[0], step[1]
        if kind == "create":
            if undo:
                del alive[annotation_id]
            else:
                alive[annotation_id] = step[2]
        elif kind == "note":
            alive[annotation_id] = step[2] if undo else step[3]
        elif undo:  # a delete undone
            alive[annotation_id] = step[2]
        else:
            del alive[annotation_id]

    def record(step: tuple[Any, ...]) -> None:
        done.append(step)
        undone.clear()

    for k in range(n):
        think(rng)
        roll = rng.random()
        mine = sorted(alive)
        if roll < 0.4 or not mine:
            article_id = rng.choice(articles)
            length = project.store.article(article_id).chars
            start = rng.randrange(length - 1)
            end = min(length, start + rng.randint(1, 10))
            note = f"w{index}-{k}"
            change = counts.attempt(
                project.annotate, article_id, start, end, [tag], note, retry_conflicts=False
            )
            if change is not None:
                alive[change.result_id] = note
                ever.add(change.result_id)
                record(("create", change.result_id, note))
        elif roll < 0.55:
            annotation_id = rng.choice(mine)
            old, new = alive[annotation_id], f"w{index}-{k} edited"
            change = counts.attempt(
                project.update_annotation,
                annotation_id,
                note=new,
                note_was=old,
                retry_conflicts=False,
            )
            if change is not None:
                alive[annotation_id] = new
                record(("note", annotation_id, old, new))
        elif roll < 0.65:
            annotation_id = rng.choice(mine)
            change = counts.attempt(project.delete_annotation, annotation_id, retry_conflicts=False)
            if change is not None:
                record(("delete", annotation_id, alive.pop(annotation_id)))
        elif roll < 0.85:
            if done and counts.attempt(project.undo, retry_conflicts=False) is not None:
                step = done.pop()
                apply(step, undo=True)
                undone.append(step)
        elif undone and counts.attempt(project.redo, retry_conflicts=False) is not None:
            step = undone.pop()
            apply(step, undo=False)
            done.append(step)
    return {"alive": {str(i): note for i, note in alive.items()}, "ever": sorted(ever)} | (
        counts.result()
    )


def undo_after_other(
    project: Project, index: int, n: int, params: dict[str, Any]
) -> dict[str, Any]:
    """(d) In pairs: the even process annotates and sets a note, the odd one edits that
    note, then the even one undoes its edit and its annotation: both must be refused."""
    counts, tag = Counts(), params["tag"]
    signals = Path(params["signals"])
    pair, first = index // 2, index % 2 == 0
    refused = wrong = 0
    for r in range(n):
        mark = signals / f"pair{pair}-round{r}"
        if not first:
            wait_for(mark.with_suffix(".a"))
            annotation_id = int(mark.with_suffix(".a").read_text(encoding="utf-8"))
            counts.attempt(
                project.update_annotation,
                annotation_id,
                note=f"B{r}",
                note_was=f"A{r}",
                retry_conflicts=False,
            )
            signal_file(mark.with_suffix(".b"))
            continue
        change = counts.attempt(project.annotate, 1, r % 50, r % 50 + 2, [tag])
        annotation_id = change.result_id
        counts.attempt(
            project.update_annotation,
            annotation_id,
            note=f"A{r}",
            note_was="",
            retry_conflicts=False,
        )
        signal_file(mark.with_suffix(".a"), str(annotation_id))
        wait_for(mark.with_suffix(".b"))
        for _ in range(2):  # the note edit, then the annotation itself
            try:
                project.undo()
            except StoreError as error:
                refused += error.code == ErrorCode.CONFLICT
                wrong += error.code != ErrorCode.CONFLICT
            else:
                wrong += 1
        if project.store.annotation(annotation_id).note != f"B{r}":
            wrong += 1
    return {"refused": refused, "wrong": wrong, **counts.result()}


SCENARIOS = {
    "notes": append_notes,
    "tags": add_tags,
    "own": own_annotations,
    "undo": undo_after_other,
}


def writer_main(argv: list[str]) -> None:
    scenario, path, index, n, barrier, params = argv
    project = Project.open(path, create=False, coder=f"w{index}")
    signal_file(Path(barrier).with_name(f"ready-{index}"))
    wait_for(Path(barrier))
    started = time.time()
    result = SCENARIOS[scenario](project, int(index), int(n), json.loads(params))
    result |= {"started": started, "ended": time.time()}
    project.close()
    print(json.dumps(result, ensure_ascii=False), flush=True)


# -- the tests


def run_writers(
    tmp_path: Path, path: Path, scenario: str, params: dict[str, Any], processes: int = PROCESSES
) -> list[dict[str, Any]]:
    """Start the writers, release them together, and collect their results."""
    gate = tmp_path / "gate"
    gate.mkdir()
    barrier = gate / "go"
    env = {**os.environ, "HNREADER_HOME": str(tmp_path / "home")}
    procs: list[subprocess.Popen[bytes]] = []
    command = [sys.executable, __file__, scenario, str(path)]
    logs = [tmp_path / f"writer-{i}.err" for i in range(processes)]
    try:
        for i in range(processes):
            with logs[i].open("wb") as err:
                procs.append(
                    subprocess.Popen(
                        [*command, str(i), str(ACTIONS), str(barrier), json.dumps(params)],
                        stdout=subprocess.PIPE,
                        stderr=err,
                        env=env,
                    )
                )
        deadline = time.monotonic() + WAIT_S
        while not all((gate / f"ready-{i}").exists() for i in range(processes)):
            failed = [i for i, p in enumerate(procs) if p.poll() is not None]
            assert not failed, logs[failed[0]].read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "the writers did not start"
            time.sleep(POLL_S)
        signal_file(barrier)
        results = []
        for i, proc in enumerate(procs):
            out, _ = proc.communicate(timeout=WAIT_S * 3)
            assert proc.returncode == 0, logs[i].read_text(encoding="utf-8")
            results.append(json.loads(out))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
    return results


def check_common(results: list[dict[str, Any]], what: str) -> None:
    """No error or busy failure surfaced; the writers ran at the same time."""
    for i, result in enumerate(results):
        assert result["busy"] == 0 and result["errors"] == [], (i, result["errors"][:5])
    assert max(r["started"] for r in results) < min(r["ended"] for r in results), "no overlap"
    took = max(r["ended"] for r in results) - min(r["started"] for r in results)
    conflicts = [r["conflicts"] for r in results]
    print(f"{what}: {len(results)} processes × {ACTIONS}, conflicts {conflicts}, {took:.1f} s")


@pytest.fixture
def shared_file(tmp_path: Path, corpus_project_file: Path, shared_segmenter: Segmenter) -> Any:
    """A copy of the corpus project with a tag and one annotation every writer works on."""
    path = tmp_path / "project.sqlite"
    shutil.copyfile(corpus_project_file, path)
    project = Project(Store(path), shared_segmenter, coder="setup")
    tag = project.add_tag("共用").result_id
    annotation = project.annotate(1, 0, 4, [tag], note="start").result_id
    project.close()
    return path, tag, annotation


def test_a_appended_notes_lose_no_token(tmp_path: Path, shared_file: Any) -> None:
    path, _tag, annotation = shared_file
    results = run_writers(tmp_path, path, "notes", {"annotation": annotation, "seed": 3})
    check_common(results, "(a) notes")
    with Store(path, create=False) as store:
        note = store.annotation(annotation).note.split()
    expected = [token for r in results for token in r["tokens"]]
    assert len(expected) == PROCESSES * ACTIONS
    missing = sorted(set(expected) - set(note))
    assert not missing, f"{len(missing)} tokens lost, e.g. {missing[:5]}"
    assert sorted(note) == sorted(["start", *expected]), "a token was written twice"
    writers = [t.split("-")[0] for t in note[1:]]
    switches = sum(a != b for a, b in itertools.pairwise(writers))
    print(f"(a) the note switches writer {switches} times along its {len(note) - 1} tokens")
    assert switches >= 2, "the writers did not interleave"
    for r in results:  # each writer's tokens stay in its own order
        mine = [t for t in note if t.startswith(r["tokens"][0].split("-")[0] + "-")]
        assert mine == r["tokens"]


def test_b_tags_added_to_one_annotation_all_stay(tmp_path: Path, shared_file: Any) -> None:
    path, tag, annotation = shared_file
    results = run_writers(tmp_path, path, "tags", {"annotation": annotation, "seed": 7})
    check_common(results, "(b) tags")
    with Store(path, create=False) as store:
        present = set(store.annotation(annotation).tag_ids)
    assert [r["drifted"] for r in results] == [0] * PROCESSES, "another writer undid a change"
    expected = {tag} | {t for r in results for t in r["tags"]}
    removed = {t for r in results for t in r["removed"]}
    assert len(expected) == 1 + PROCESSES * (ACTIONS - ACTIONS // 10)
    assert present == expected, (sorted(expected - present)[:5], sorted(present - expected)[:5])
    assert not present & removed
    print(f"(b) {len(present)} tags on the shared annotation, {len(removed)} removed")


def test_b_adding_a_tag_costs_in_proportion_to_the_tags(corpus_project: Project) -> None:
    """Adding one tag to an annotation with 10× the tags (codebook 10× larger) may cost
    about 10× the SQLite work (counted in VM steps, so the count does not depend on the
    machine's speed), not 100×. Regression (found by (b), fixed in 89b86af): each tag was
    checked with a `Store.tag()` that built the whole codebook, so at 300 tags one update
    held the write lock ~1 s and a second writer timed out busy."""
    store = corpus_project.store

    def steps_to_add_a_tag(size: int) -> int:
        with store.write():
            tags = [store.add_tag(f"{size}-{i}").result_id or 0 for i in range(size + 1)]
        annotation = corpus_project.annotate(1, 0, 2, tags[:size]).result_id or 0
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        store._conn.set_progress_handler(count, 100)
        try:
            corpus_project.update_annotation(annotation, add_tag_ids=[tags[size]])
        finally:
            store._conn.set_progress_handler(None, 0)
        return steps[0]

    small = steps_to_add_a_tag(20)
    large = steps_to_add_a_tag(180)  # 200 tags in all, 180 of them on the annotation
    print(f"(b) adding a tag: {small} × 100 VM steps at 20 tags, {large} × 100 at 200")
    assert large < small * 10 * 2, f"{small} × 100 VM steps at 20 tags, {large} at 200"


def test_c_undo_and_redo_touch_only_their_own_annotations(tmp_path: Path, shared_file: Any) -> None:
    path, tag, _annotation = shared_file
    results = run_writers(tmp_path, path, "own", {"tag": tag, "seed": 11})
    check_common(results, "(c) own annotations")
    with Store(path, create=False) as store:
        found = {a.id: a for a in store.annotations()}
    ever = [set(r["ever"]) for r in results]
    for i, result in enumerate(results):
        assert result["conflicts"] == 0, "nobody else touched these rows"
        alive = {int(k): note for k, note in result["alive"].items()}
        mine = {a.id: a.note for a in found.values() if a.coder == f"w{i}"}
        assert mine == alive, (sorted(set(mine) ^ set(alive))[:5], f"writer {i}")
        assert all(found[a].tag_ids == (tag,) for a in alive)
        assert not (ever[i] - set(alive)) & set(found), "an undone annotation came back"
        for j in range(i):
            assert not ever[i] & ever[j], f"writers {j} and {i} were given the same id"
    owners = [i for _, i in sorted((a, i) for i, ids in enumerate(ever) for a in ids)]
    switches = sum(a != b for a, b in itertools.pairwise(owners))
    print(
        f"(c) {sum(map(len, ever))} annotations made, {switches} switches of writer along "
        f"their ids; left per writer: {[len(r['alive']) for r in results]}"
    )
    assert switches >= 2, "the writers did not interleave"


def test_d_undo_of_a_note_another_process_edited_later_is_refused(
    tmp_path: Path, shared_file: Any
) -> None:
    path, tag, _annotation = shared_file
    signals = tmp_path / "signals"
    signals.mkdir()
    results = run_writers(tmp_path, path, "undo", {"tag": tag, "signals": str(signals)})
    check_common(results, "(d) undo after another's edit")
    undoers = results[0::2]
    assert [r["wrong"] for r in undoers] == [0] * len(undoers)
    assert [r["refused"] for r in undoers] == [2 * ACTIONS] * len(undoers)
    with Store(path, create=False) as store:
        notes = sorted(a.note for a in store.annotations(coder="w0"))
    assert notes == sorted(f"B{r}" for r in range(ACTIONS))


if __name__ == "__main__":
    writer_main(sys.argv[1:])
