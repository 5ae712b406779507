"""Market data: users add points, editors import CSV
(command and admin), bands on the guide page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from loopcoach.web.offers.models import CompensationDataPoint

pytestmark = pytest.mark.django_db

HEADER = "company,level,location,year,base,stock_per_year,bonus\n"
FIVE_L6 = HEADER + "".join(
    f'Amazon,L6,"Seattle, WA",2024,{base},{stock},0\n'
    for base, stock in [
        (190000, 140000),
        (195000, 150000),
        (200000, 160000),
        (205000, 170000),
        (210000, 180000),
    ]
)


def test_import_command_loads_every_row(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(FIVE_L6)
    call_command("import_compensation", str(path))
    assert CompensationDataPoint.objects.filter(company_slug="amazon", level="L6").count() == 5


def test_import_command_is_all_or_nothing(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(FIVE_L6 + "Amazon,L6,Seattle,2024,,0,0\nAmazon,L6,Seattle,2024,abc,0,0\n")
    with pytest.raises(CommandError) as caught:
        call_command("import_compensation", str(path))
    assert "row 7: base: is required" in str(caught.value)
    assert "row 8: base: “abc” is not a number" in str(caught.value)
    assert not CompensationDataPoint.objects.exists()


def test_import_command_reports_an_unreadable_file(tmp_path):
    path = tmp_path / "points.csv"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(CommandError, match="cannot read it as UTF-8"):
        call_command("import_compensation", str(path))


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import User

    return User.objects.create_superuser("editor", "editor@example.com", "editor-Passw0rd!")


def test_admin_import_shows_row_errors_and_saves_nothing(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("points.csv", (FIVE_L6 + "Amazon,L6,Seattle,1990,1,0,0\n").encode())
    response = client.post("/admin/offers/compensationdatapoint/import-csv/", {"file": upload})
    assert response.status_code == 400
    assert "row 7: year: must be a year from 2000" in response.content.decode()
    assert not CompensationDataPoint.objects.exists()


def test_admin_import_saves_a_good_file(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("points.csv", FIVE_L6.encode())
    response = client.post("/admin/offers/compensationdatapoint/import-csv/", {"file": upload})
    assert response.status_code == 302
    assert CompensationDataPoint.objects.filter(submitted_by=editor).count() == 5
    assert "Import CSV" in client.get("/admin/offers/compensationdatapoint/").content.decode()


def test_a_candidate_cannot_reach_the_admin_import(client, alice):
    client.force_login(alice)
    response = client.get("/admin/offers/compensationdatapoint/import-csv/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_alice_adds_a_data_point(client, alice):
    client.force_login(alice)
    response = client.post(
        "/offers/market/add",
        {
            "company": "Amazon",
            "level": "l6",
            "location": "Seattle, WA",
            "year": "2024",
            "base": "$200,000",
            "stock_per_year": "160000",
        },
    )
    assert response.status_code == 302
    point = CompensationDataPoint.objects.get()
    assert (point.level, point.base, point.submitted_by) == ("L6", Decimal("200000.00"), alice)


def test_a_bad_data_point_shows_errors_and_saves_nothing(client, alice):
    client.force_login(alice)
    response = client.post(
        "/offers/market/add",
        {"company": "", "level": "L6", "location": "Seattle", "year": "2024", "base": "99999999"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Company is required" in html and "Base salary above 10,000,000 is not plausible" in html
    assert not CompensationDataPoint.objects.exists()


def test_anonymous_cannot_add_data(client):
    response = client.post("/offers/market/add", {"company": "Amazon"})
    assert response.status_code == 302 and not CompensationDataPoint.objects.exists()


def test_bob_cannot_delete_alices_point(client, alice, bob):
    client.force_login(alice)
    client.post(
        "/offers/market/add",
        {
            "company": "Amazon",
            "level": "L6",
            "location": "Seattle",
            "year": "2024",
            "base": "200000",
        },
    )
    point = CompensationDataPoint.objects.get()
    client.force_login(bob)
    assert client.post(f"/offers/market/points/{point.pk}/delete").status_code == 404
    client.force_login(alice)
    client.post(f"/offers/market/points/{point.pk}/delete")
    assert not CompensationDataPoint.objects.exists()


def test_the_guide_shows_bands_only_from_five_points(client, amazon_guide, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(
        HEADER + "".join(f"Amazon,L6,Seattle,2024,{200000 + i},0,0\n" for i in range(4))
    )
    call_command("import_compensation", str(path))
    html = client.get(amazon_guide.get_absolute_url()).content.decode()
    assert "No band yet for Amazon" in html and "Work out an offer with this vesting" in html
    assert "/offers/?o1-name=Amazon+offer&amp;o1-vesting=amazon" in html
    path.write_text(FIVE_L6)
    call_command("import_compensation", str(path))
    html = client.get(amazon_guide.get_absolute_url()).content.decode()
    # The community bands only: the guide's published pay estimates sit beside them.
    section = html.split('id="compensation"', 1)[1].split('<div class="bands', 1)[1]
    # totals 330k, 345k, 360k, 375k, 390k plus four at ~200k: nine points in two locations;
    # "Seattle, WA" alone has five → p25 345,000, p50 360,000, p75 375,000
    assert "$345,000" in section and "$360,000" in section and "$375,000" in section
    assert section.count("<tr>") == 2  # header + the one published band


def test_the_market_page_filters(client, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(FIVE_L6)
    call_command("import_compensation", str(path))
    assert "$360,000" in client.get("/offers/market/", {"level": "l6"}).content.decode()
    assert "No band yet" in client.get("/offers/market/", {"level": "L7"}).content.decode()
