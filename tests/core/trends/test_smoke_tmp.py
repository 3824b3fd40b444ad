def test_smoke(trend_project):
    p = trend_project
    for i in p.article_ids():
        a = p.article(i)
        print(i, repr(a.date), a.title, len(a.text))
    t = p.term_trend(["精准扶贫", "扶贫"], "month")
    print(t)
    print(p.term_dispersion(["精准扶贫"]))
    print(p.tag_trend([1], "quarter"))
    print(p.tag_frequencies(by_coder=True))
    assert 0
