"""Each search is counted once; staff see the top searches and the ones that found nothing."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search import query_log
from search.models import ZeroResultQuery
from tests.search.html import parse

pytestmark = pytest.mark.django_db


def hits_for(query):
    found = Query.objects.filter(query_string=query).first()
    return found.hits if found else 0


def test_a_search_is_counted_once_whatever_is_clicked_after(small_site, search):
    first = search(q="Leadership")
    assert hits_for("leadership") == 1

    second = search(first.dom.find("a", rel="next")["href"])
    search(second.dom.find("a", rel="prev")["href"])
    for link in second.dom.find("nav", class_="search-sort").find_all("a"):
        search(link["href"])
    filtered = search(next(iter(first.facet_links("Type").values()))[1])
    search(filtered.dom.find("p", class_="filters__clear").find("a")["href"])
    assert hits_for("leadership") == 1

    search(q="leadership")
    assert hits_for("leadership") == 2


def test_searches_that_find_nothing_are_recorded(small_site, search):
    search(q="Qqxyzzy")
    search(q="qqxyzzy")
    search(q="leadership")

    row = ZeroResultQuery.objects.get()
    assert (row.query_string, row.hits, row.date) == ("qqxyzzy", 2, timezone.localdate())
    # Only searches that found something are counted for "Popular searches".
    assert hits_for("qqxyzzy") == 0 and hits_for("leadership") == 1
    assert not Query.objects.filter(query_string="qqxyzzy").exists()


def test_the_empty_search_is_not_logged(small_site, search):
    search()
    search(q="   ")
    assert not Query.objects.exists()


def _hit(query, days_ago, times=1):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    for _ in range(times):
        Query.get(query).add_hit(date=day)


def test_report_lists_the_zero_result_queries_of_the_last_30_days(db):
    ZeroResultQuery.add_hit("qqxyzzy", date=timezone.localdate())
    ZeroResultQuery.add_hit("qqxyzzy", date=timezone.localdate() - datetime.timedelta(days=2))
    ZeroResultQuery.add_hit("long ago", date=timezone.localdate() - datetime.timedelta(days=40))

    rows = query_log.zero_result_queries().values_list("query_string", "searches", "last")
    assert list(rows) == [("qqxyzzy", 2, timezone.localdate())]


def test_popular_searches_need_several_hits_and_results(db):
    _hit("leadership", 0, times=3)
    _hit("once", 0)
    _hit("nothing here", 0, times=4)
    ZeroResultQuery.add_hit("nothing here")

    assert query_log.popular_queries() == ["leadership"]


def test_staff_report_page(db, client, django_user_model):
    _hit("leadership", 0, times=2)
    ZeroResultQuery.add_hit("qqxyzzy")
    ZeroResultQuery.add_hit("qqxyzzy")
    ZeroResultQuery.add_hit("mrowl")
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)

    response = client.get("/admin/reports/site-search/")

    assert response.status_code == 200
    rows = parse(response.content).find("table", class_="listing").find("tbody").find_all("tr")
    cells = [[cell.text for cell in row.find_all("td")][:2] for row in rows]
    assert cells == [["qqxyzzy", "2"], ["mrowl", "1"]]
    # Wagtail's own report of every search term, and a spreadsheet of this one.
    export = client.get("/admin/reports/site-search/?export=csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    today = timezone.localdate().isoformat()
    assert lines[1:] == [f"qqxyzzy,2,{today}", f"mrowl,1,{today}"]
    # It is listed in the admin's Reports menu.
    assert b"/admin/reports/site-search/" in client.get("/admin/").content


def test_report_needs_the_right_to_promote_results(db, client, django_user_model):
    user = django_user_model.objects.create_user("staff", "s@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get("/admin/reports/site-search/")
    assert response.status_code == 302
    assert b"/admin/reports/site-search/" not in client.get("/admin/").content

    user.user_permissions.add(Permission.objects.get(codename="add_searchpromotion"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/reports/site-search/").status_code == 200


def test_logging_failure_does_not_break_the_search(small_site, search, monkeypatch):
    from django.db import DatabaseError

    def broken(self, date=None):
        raise DatabaseError("hits table locked")

    monkeypatch.setattr(Query, "add_hit", broken)
    page = search(q="leadership")
    assert page.status == 200 and page.results
    assert not QueryDailyHits.objects.exists()


def test_queries_are_logged_in_one_normal_form_of_bounded_length(small_site, search):
    search(q="  Leadership!!  ")
    search(q="LEADERSHIP 🎉")
    search(q="?!?! 🎉🎉")
    search(q="care " * 100)

    search(q="Leadership\x0b\x07\x1b")
    search(q="LEADER\u200bSHIP")

    assert hits_for("leadership") == 4
    logged = set(Query.objects.values_list("query_string", flat=True))
    logged |= set(ZeroResultQuery.objects.values_list("query_string", flat=True))
    assert logged == {"leadership", "care"}
    assert query_log.normalise("Straße STRASSE") == "strasse strasse"
    assert query_log.normalise("word " * 100) == "word"
    assert len(query_log.normalise(" ".join(f"w{i}x" * 9 for i in range(10)))) <= 100


def test_popular_searches_leave_out_junk_logged_before(db):
    _hit("leadership", 0, times=3)
    _hit("!!! 🎉", 0, times=9)

    assert query_log.popular_queries() == ["leadership"]


def test_old_searches_are_pruned_but_promoted_queries_stay(db):
    _hit("recent", 3)
    _hit("old", 120)
    _hit("promoted", 120)
    SearchPromotion.objects.create(
        query=Query.get("promoted"), external_link_url="https://example.org/", sort_order=0
    )
    ZeroResultQuery.add_hit("qqold", date=timezone.localdate() - datetime.timedelta(days=120))
    ZeroResultQuery.add_hit("qqnew")

    call_command("prune_search_log", verbosity=0)

    assert set(Query.objects.values_list("query_string", flat=True)) == {"recent", "promoted"}
    assert list(ZeroResultQuery.objects.values_list("query_string", flat=True)) == ["qqnew"]


def test_each_day_logs_a_bounded_number_of_different_queries(db, monkeypatch):
    monkeypatch.setattr(query_log, "MAX_QUERIES_A_DAY", 3)
    for word in ("alpha", "beta", "gamma", "delta", "epsilon"):
        query_log.record(word, total=1)
        query_log.record(f"qq{word}", total=0)
    query_log.record("alpha", total=1)
    query_log.record("delta", total=1)

    assert QueryDailyHits.objects.count() == 3
    assert {q: hits_for(q) for q in ("alpha", "beta", "gamma", "delta")} == {
        "alpha": 2,
        "beta": 1,
        "gamma": 1,
        "delta": 0,
    }
    assert ZeroResultQuery.objects.count() == 3

    # The next day has room again; the bound is per day, and pruning bounds the days.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        query_log.record("delta", total=1)
        query_log.record("qqdelta", total=0)
    assert hits_for("delta") == 1
    assert ZeroResultQuery.objects.filter(query_string="qqdelta").exists()


def test_the_schedule_prunes_the_log_daily():
    from deploy.stack import SCHEDULE

    assert [every for command, every, _ in SCHEDULE if command == ["prune_search_log"]] == [
        24 * 60 * 60
    ]
