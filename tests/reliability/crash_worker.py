"""A child process for the crash loop: random real actions on a project, one line after each.

Run as ``python crash_worker.py PROJECT SEED WORKDIR`` (or ``--serve``, see `serve`). It
opens the project through `Project` and performs random actions until it is killed (or
`MAX_ACTIONS` are done). Before each action it prints a ``begin`` line saying what it is
about to do (what the parent needs to judge an action that was cut off); after the action
returned, a ``done`` line with the digest of every row the action left (from the `Change`
it returned), or a ``refused`` line when the project refused it. Lines are JSON, flushed.

With ``HNREADER_CRASH_WORKER_HALF=1`` some annotations are committed without their tags,
outside the normal API: a deliberately broken action, to show that the checker catches one.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

# The tables whose rows a user action changes (derived ones, the index and figures, are
# checked against the text instead), with their key columns.
TRACKED: dict[str, tuple[str, ...]] = {
    "source_files": ("id",),
    "articles": ("id",),
    "tags": ("id",),
    "annotations": ("id",),
    "annotation_tags": ("annotation_id", "tag_id"),
    "user_words": ("word",),
}
MAX_ACTIONS = 5000
HALF_ACTION_ENV = "HNREADER_CRASH_WORKER_HALF"

Intent = dict[str, Any]
Plan = tuple[Intent, Callable[[], dict[str, Any]]]


def row_digest(row: Mapping[str, Any] | None) -> str | None:
    """A short fingerprint of a whole row (None for an absent one), the same in every
    process: what the parent compares with what it finds in the file."""
    if row is None:
        return None
    parts = [[k, v.hex() if isinstance(v, bytes) else v] for k, v in sorted(row.items())]
    text = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def state_rows(state: Mapping[str, Mapping[tuple[Any, ...], Any]]) -> list[list[Any]]:
    """[table, key, digest] for each tracked row of a `Change`'s before or after state."""
    return [
        [table, list(key), row_digest(row)]
        for table, rows in state.items()
        if table in TRACKED
        for key, row in rows.items()
    ]


def emit(event: dict[str, Any]) -> None:
    sys.stdout.buffer.write((json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8"))
    sys.stdout.buffer.flush()


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


class Worker:
    def __init__(self, project: Any, seed: int, workdir: Path) -> None:
        self.project = project
        self.store = project.store
        self.rng = random.Random(seed)
        self.seed = seed
        self.workdir = workdir
        self.half_actions = os.environ.get(HALF_ACTION_ENV) == "1"

    # -- what is there to act on

    def _annotations(self) -> list[Any]:
        return self.store.annotations()

    def _tag_ids(self) -> list[int]:
        return [t.id for t in self.store.tags()]

    def _span(self, article_id: int) -> tuple[int, int, int] | None:
        length = len(self.store.article(article_id).text)
        if length < 2:
            return None
        start = self.rng.randrange(0, length - 1)
        return article_id, start, min(length, start + self.rng.randint(1, 15))

    # -- the actions: each returns (what it is about to do, the call that does it)

    def plan_add_tag(self, n: int) -> Plan:
        name = f"标签{self.seed}-{n}"
        return {"op": "add_tag", "name": name}, lambda: self._done(self.project.add_tag(name))

    def plan_annotate(self, n: int, many: bool) -> Plan | None:
        tags = self._tag_ids()
        if not tags:
            return None
        articles = self.store.article_ids()
        count = self.rng.randint(2, 4) if many else 1
        spans = [self._span(self.rng.choice(articles)) for _ in range(count)]
        if any(s is None for s in spans):
            return None
        chosen = sorted(self.rng.sample(tags, min(len(tags), self.rng.randint(1, 3))))
        note = self.rng.choice(["", f"笔记 {self.seed}-{n}"])
        intent = {"op": "annotate", "spans": spans, "tags": chosen, "note": note}
        if self.half_actions and self.rng.random() < 0.2:
            return intent, lambda: self._annotation_without_tags(spans[0], note)
        if many:
            return intent, lambda: self._done(self.project.annotate_many(spans, chosen, note))
        article_id, start, end = spans[0]  # type: ignore[misc]
        return intent, lambda: self._done(
            self.project.annotate(article_id, start, end, chosen, note)
        )

    def _annotation_without_tags(self, span: Any, note: str) -> dict[str, Any]:
        """The deliberately broken action: an annotation row committed without its tags."""
        article_id, start, end = span
        text = self.store.article(article_id).text
        with self.store.write():
            cursor = self.store._conn.execute(
                'INSERT INTO annotations(kind, article_id, start, "end", quote, note, coder, '
                "created, updated) VALUES ('passage', ?, ?, ?, ?, ?, 'crash', 'now', 'now')",
                (article_id, start, end, text[start:end], note),
            )
        row = self.store._rows("SELECT * FROM annotations WHERE id = ?", (cursor.lastrowid,))[0]
        return {"rows": [["annotations", [cursor.lastrowid], row_digest(dict(row))]]}

    def plan_update_note(self, n: int) -> Plan | None:
        annotations = self._annotations()
        if not annotations:
            return None
        target = self.rng.choice(annotations)
        note = f"改过的笔记 {self.seed}-{n}"
        intent = {"op": "update_note", "annotation": target.id, "note": note}
        return intent, lambda: self._done(
            self.project.update_annotation(target.id, note=note, note_was=target.note)
        )

    def plan_change_tags(self, n: int) -> Plan | None:
        annotations, tags = self._annotations(), self._tag_ids()
        if not annotations:
            return None
        target = self.rng.choice(annotations)
        current = set(target.tag_ids)
        addable = [t for t in tags if t not in current]
        add = [self.rng.choice(addable)] if addable and self.rng.random() < 0.7 else []
        remove = [self.rng.choice(sorted(current))] if len(current) > 1 else []
        if not add and not remove:
            return None
        expected = sorted((current | set(add)) - set(remove))
        intent = {
            "op": "change_tags",
            "annotation": target.id,
            "add": add,
            "remove": remove,
            "expected": expected,
        }
        return intent, lambda: self._done(
            self.project.update_annotation(target.id, add_tag_ids=add, remove_tag_ids=remove)
        )

    def plan_delete_annotation(self, n: int) -> Plan | None:
        annotations = self._annotations()
        if not annotations:
            return None
        target = self.rng.choice(annotations)
        intent = {"op": "delete_annotation", "annotation": target.id}
        return intent, lambda: self._done(self.project.delete_annotation(target.id))

    def plan_edit_article(self, n: int) -> Plan:
        article_id = self.rng.choice(self.store.article_ids())
        field = self.rng.choice(["title", "byline", "date"])
        value = {"title": f"新标题 {self.seed}-{n}", "byline": f"记者 {n}号", "date": "2020-05-24"}
        fields = {field: value[field]}
        intent = {"op": "edit_article", "article": article_id, "fields": fields}
        return intent, lambda: self._done(self.project.update_article(article_id, **fields))

    def plan_split(self, n: int) -> Plan | None:
        articles = [a for a in self.store.article_ids() if self.store.article(a).chars >= 80]
        if not articles:
            return None
        article = self.store.article(self.rng.choice(articles))
        text = article.text
        inside = [(a.start, a.end) for a in self.store.annotations(article_id=article.id)]
        lines = [i for i in range(20, len(text) - 20) if text[i - 1] == "\n"]
        offsets = lines or list(range(20, len(text) - 20))
        offsets = [o for o in offsets if not any(s < o < e for s, e in inside)]
        if not offsets:
            return None
        offset = self.rng.choice(offsets)
        moved = [a.id for a in self.store.annotations(article_id=article.id)]
        intent = {
            "op": "split",
            "article": article.id,
            "offset": offset,
            "text": text,
            "annotations": moved,
        }
        return intent, lambda: self._done(self.project.split_article(article.id, offset))

    def plan_merge(self, n: int) -> Plan | None:
        ids = self.store.article_ids()
        self.rng.shuffle(ids)
        for article_id in ids[:10]:
            next_id = self.store.next_article_id(article_id)
            if next_id is None:
                continue
            first, second = self.store.article(article_id), self.store.article(next_id)
            if first.chars + second.chars > 6000:
                continue  # keep articles of a readable size over hundreds of actions
            intent = {
                "op": "merge",
                "article": article_id,
                "next": next_id,
                "texts": [first.text, second.text],
                "annotations": [a.id for a in self.store.annotations(article_id=next_id)],
            }
            return intent, lambda first=article_id: self._done(self.project.merge_with_next(first))
        return None

    def plan_add_word(self, n: int) -> Plan | None:
        text = self.store.article(self.rng.choice(self.store.article_ids())).text
        for _ in range(20):
            start = self.rng.randrange(0, max(1, len(text) - 4))
            word = text[start : start + self.rng.randint(2, 4)]
            if len(word) >= 2 and all(_is_han(c) for c in word):
                intent = {"op": "add_word", "word": word}
                return intent, lambda w=word: self._done(self.project.add_user_word(w))
        return None

    def plan_remove_word(self, n: int) -> Plan | None:
        words = self.store.user_words()
        if not words:
            return None
        word = self.rng.choice(words)
        intent = {"op": "remove_word", "word": word}
        return intent, lambda: self._done(self.project.remove_user_word(word))

    def plan_undo(self, n: int, redo: bool) -> Plan | None:
        history = self.project.history
        # The step undo/redo will apply: its rows are what the file must hold afterwards.
        change = history.next_step(undo=not redo)
        if change is None:
            return None
        target, expected = (change.after, change.before) if redo else (change.before, change.after)
        intent = {
            "op": "redo" if redo else "undo",
            "label": change.label,
            "target": state_rows(target),
            "expected": state_rows(expected),
        }
        step = history.redo if redo else history.undo
        return intent, lambda: self._done(step(), rows=state_rows(target))

    def plan_import(self, n: int) -> Plan:
        name = f"crash-{self.seed}-{n}.txt"
        path = self.workdir / name
        path.write_text(
            f"崩溃测试第{n}篇\n\n这是崩溃测试导入的第{n}篇短文，种子是{self.seed}。"
            "它用来检查一次导入要么完整保存，要么什么也不留下。\n",
            encoding="utf-8",
        )

        def run() -> dict[str, Any]:
            report = self.project.import_paths([path], workers=0)
            rows = []
            for source in self.store._rows("SELECT * FROM source_files WHERE name = ?", (name,)):
                rows.append(["source_files", [source["id"]], row_digest(dict(source))])
            for article_id in report.article_ids:
                [row] = self.store._rows("SELECT * FROM articles WHERE id = ?", (article_id,))
                rows.append(["articles", [article_id], row_digest(dict(row))])
            return {"rows": rows, "articles": list(report.article_ids)}

        return {"op": "import", "name": name}, run

    def _done(self, change: Any, rows: list[list[Any]] | None = None) -> dict[str, Any]:
        return {
            "rows": state_rows(change.after) if rows is None else rows,
            "id": change.result_id,
            "label": change.label,
        }

    # -- the loop

    def plan(self, n: int) -> Plan:
        choices: list[tuple[Callable[[], Plan | None], int]] = [
            (lambda: self.plan_add_tag(n), 2),
            (lambda: self.plan_annotate(n, many=False), 6),
            (lambda: self.plan_annotate(n, many=True), 2),
            (lambda: self.plan_update_note(n), 3),
            (lambda: self.plan_change_tags(n), 3),
            (lambda: self.plan_delete_annotation(n), 2),
            (lambda: self.plan_edit_article(n), 2),
            (lambda: self.plan_split(n), 2),
            (lambda: self.plan_merge(n), 2),
            (lambda: self.plan_add_word(n), 1),
            (lambda: self.plan_remove_word(n), 1),
            (lambda: self.plan_undo(n, redo=False), 4),
            (lambda: self.plan_undo(n, redo=True), 3),
            (lambda: self.plan_import(n), 1),
        ]
        while True:
            [make] = self.rng.choices([c for c, _ in choices], [w for _, w in choices])
            planned = make()
            if planned is not None:
                return planned

    def run(self) -> None:
        from hnreader.core.models import HnreaderError

        for n in range(MAX_ACTIONS):
            intent, act = self.plan(n)
            emit({"ev": "begin", "n": n, **intent})
            try:
                result = act()
            except HnreaderError as error:
                emit({"ev": "refused", "n": n, "code": error.code, "error": str(error)})
                continue
            emit({"ev": "done", "n": n, **result})
        emit({"ev": "end"})


def run_actions(path: Path, seed: int, workdir: Path, segmenter: Any = None) -> None:
    from hnreader.core.project import Project

    project = Project.open(path, create=False, segmenter=segmenter, coder="crash")
    emit({"ev": "ready", "pid": os.getpid()})
    Worker(project, seed, workdir).run()
    project.close()


def serve() -> None:
    """Load jieba once, then fork one child per request line (JSON [path, seed, workdir]):
    each kill then costs a fork instead of a new interpreter loading the dictionary.

    The child waits until the ``forked`` line (its pid, for the parent to kill it) is out;
    after it ended, an ``exit`` line follows on a line of its own (the child's last line may
    have been cut short by the kill).
    """
    from hnreader import paths
    from hnreader.core.analysis.segmenter import Segmenter

    segmenter = Segmenter(cache_dir=paths.jieba_cache_dir())
    segmenter.initialize()
    emit({"ev": "serving", "pid": os.getpid()})
    for request in sys.stdin:
        path, seed, workdir = json.loads(request)
        go_read, go_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(go_write)
                os.read(go_read, 1)
                run_actions(Path(path), seed, Path(workdir), segmenter)
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        os.close(go_read)
        emit({"ev": "forked", "pid": pid})
        os.write(go_write, b"go")
        os.close(go_write)
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(b"\n")
        emit(
            {
                "ev": "exit",
                "pid": pid,
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
                "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1,
            }
        )


def main(argv: list[str]) -> int:
    if argv == ["--serve"]:
        serve()
        return 0
    run_actions(Path(argv[0]), int(argv[1]), Path(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
