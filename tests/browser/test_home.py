def test_home_page_is_accessible_on_a_phone(browse):
    page = browse.open("/")

    assert page.get_by_role("heading", level=1).is_visible()
    assert browse.pages_checked == [page.url]
