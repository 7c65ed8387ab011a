# test_portfolio.py — the portfolio table shows the whole example portfolio,
# and search and filters narrow it
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import sys

import ktui
from ktui import check, query, wait_until

COLUMNS = ['Number', 'Name', 'Supplier', 'System Owner', 'Category',
           'Contract Sum', 'Annual Cost', 'End Date', 'Notice Deadline']


def column(name):
    return COLUMNS.index(name)


def wait_rows(app, expected_count, message):
    """Waits until the table body holds exactly expected_count rows."""
    return wait_until(lambda: (lambda rows: rows if len(rows) == expected_count else None)(app.rows()),
                      message=f'{expected_count} rows {message} (now {len(app.rows())})')


def test_shows_every_contract(app):
    total = ktui.live_contract_count(app.portfolio)
    check(total >= 60, f'the example should have at least 60 contracts, has {total}')

    window = app.window()
    check(window.name.endswith('eksempel.kontrakter'),
          f'the window title names the file: {window.name!r}')
    check(app.column_titles() == COLUMNS, f'column titles: {app.column_titles()}')

    app.wait_summary_count(total)
    # GTK keeps up to 200 rows realized, more than the example has
    rows = wait_rows(app, total, 'for every contract')

    numbers = sorted(r[0] for r in query(app.portfolio,
                                          'SELECT number FROM contracts WHERE deleted_at IS NULL'))
    shown = sorted(row[column('Number')] for row in rows)
    check(shown == numbers, 'the table shows exactly the live contracts of the file')


def busiest_supplier(path):
    """A supplier with several contracts but far from all of them."""
    return query(path,
                 'SELECT s.name, count(*) FROM contracts c JOIN suppliers s ON s.id = c.supplier_id '
                 'WHERE c.deleted_at IS NULL GROUP BY s.id ORDER BY count(*) DESC, s.name LIMIT 1')[0]


def test_search_narrows_and_clearing_restores(app):
    total = ktui.live_contract_count(app.portfolio)
    supplier, supplier_count = busiest_supplier(app.portfolio)
    check(1 < supplier_count < total, f'{supplier} has {supplier_count} of {total} contracts')
    app.wait_summary_count(total)

    # Typing in the table starts the search, as a person would
    word = supplier.split()[0]
    app.focus_table()
    app.type(word)

    summary = app.wait_summary(rf'^\d+ of {total} contracts? ·')
    shown = int(summary.split()[0])
    check(supplier_count <= shown < total,
          f'searching {word!r} shows {shown} of {total}, the supplier has {supplier_count}')
    rows = wait_rows(app, shown, f'matching {word!r}')
    folded = word.casefold()
    for row in rows:
        check(any(folded in cell.casefold() for cell in row) or row[column('Supplier')] == supplier,
              f'row {row} does not match {word!r}')
    check(sum(1 for row in rows if row[column('Supplier')] == supplier) == supplier_count,
          f'every contract of {supplier} is shown')

    # A word that occurs nowhere shows the "no matching contracts" state
    app.type('zzqx')
    app.wait_summary(rf'^0 of {total} contracts? ·')
    find_status = ktui.find_one(app.portfolio_view(),
                                ktui.named('label', 'No Matching Contracts'), 'the empty search state')
    check(find_status is not None, 'the no-match state exists')

    # Escape closes the search and clears it: everything is back
    app.key('Escape')
    app.wait_summary_count(total)
    wait_rows(app, total, 'after clearing the search')

    # Ctrl+F opens the search from anywhere in the window
    app.shortcut('<Control>f')
    app.type(word)
    app.wait_summary(rf'^{shown} of {total} contracts? ·')


def test_filter_narrows(app):
    total = ktui.live_contract_count(app.portfolio)
    licences = query(app.portfolio, "SELECT count(*) FROM contracts "
                                    "WHERE deleted_at IS NULL AND category = 'licence'")[0][0]
    check(0 < licences < total, f'the example has {licences} licence contracts of {total}')
    app.wait_summary_count(total)

    app.choose('Category', 'Licence')
    app.wait_summary_count(licences, total)
    rows = wait_rows(app, licences, 'in the category Licence')
    for row in rows:
        check(row[column('Category')] == 'Licence', f'row {row} is not a licence')

    app.choose('Category', 'All Categories')
    app.wait_summary_count(total)


def test_sorting_by_header(app):
    total = ktui.live_contract_count(app.portfolio)
    app.wait_summary_count(total)
    header = ktui.find_one(app.table(), ktui.named('table row'), 'the header row')
    title = ktui.find_one(header, ktui.named('label', 'Supplier'), 'the Supplier header')
    title.click()

    def sorted_by_supplier():
        names = [row[column('Supplier')] for row in app.rows()]
        # Empty names go last. The collation order of the locale is not
        # Python's, but it keeps first letters in order.
        present = [n for n in names if n]
        initials = [n[0].casefold() for n in present]
        return (len(names) == total and initials == sorted(initials)
                and names[len(present):] == [''] * (len(names) - len(present)))

    wait_until(sorted_by_supplier, message='rows sorted by supplier')


def test_delete_and_undo(app):
    total = ktui.live_contract_count(app.portfolio)
    app.wait_summary_count(total)
    first = app.rows()[0][column('Number')]

    # Enter opens the selected contract; its page deletes it
    app.focus_table()
    app.key('Return')
    page = ktui.find_one(app.root, lambda n: n.name == 'KtContractPage', 'the contract page')
    menu = ktui.find_one(page, lambda n: n.roleName == 'push button' and n.name == 'Contract Menu'
                         and n.actions, 'the contract menu button')
    menu.doActionNamed('click')
    ktui.find_one(app.root, ktui.named('menu item', 'Delete Contract'),
                  'the Delete Contract item').doActionNamed('click')

    # Back in the portfolio, without the contract
    app.wait_summary_count(total - 1)
    check(ktui.live_contract_count(app.portfolio) == total - 1, 'the file has one contract less')
    # Ctrl+Z while the "Contract deleted" toast is shown brings it back
    app.shortcut('<Control>z')
    app.wait_summary_count(total)
    wait_until(lambda: first in [row[column('Number')] for row in app.rows()],
               message=f'{first} to be listed again')
    check(ktui.live_contract_count(app.portfolio) == total, 'the file has every contract again')


def test_notice_urgency_is_told(app):
    """A passed or near last day to give notice is told in words too."""
    total = ktui.live_contract_count(app.portfolio)
    app.wait_summary_count(total)
    rows = wait_rows(app, total, 'for every contract')
    body = ktui.find_one(app.table(), ktui.named('list'), 'the table body')
    today = datetime.date.today()
    seen = {'passed': 0, 'soon': 0, 'later': 0, 'running': 0}
    for row in body.children:
        label = ktui.find_all(row.children[column('Notice Deadline')], ktui.named('label'), 1)[0]
        if label.name in ('', ktui.EMPTY_CELL):
            continue
        days = (datetime.date.fromisoformat(label.name) - today).days
        running = ktui.find_all(row.children[column('End Date')], ktui.named('label'), 1)[0].name == 'Running'
        if running:
            # a running contract's notice day moves with today: nothing to miss
            expected, kind = '', 'running'
        elif days < 0:
            expected, kind = 'The last day to give notice has passed', 'passed'
        elif days <= 90:
            expected, kind = 'The last day to give notice is within 90 days', 'soon'
        else:
            expected, kind = '', 'later'
        check(label.description == expected,
              f'notice deadline {label.name}: description {label.description!r}, expected {expected!r}')
        seen[kind] += 1
    check(all(seen.values()),
          f'the example has passed, near, later and running notice deadlines: {seen}')
    check(len(rows) == total, 'every row was checked')


if __name__ == '__main__':
    sys.exit(ktui.main([
        test_shows_every_contract,
        test_search_narrows_and_clearing_restores,
        test_filter_narrows,
        test_sorting_by_header,
        test_delete_and_undo,
        test_notice_urgency_is_told,
    ]))
