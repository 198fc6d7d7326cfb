"""Choosing entries of a catalog (servers, scenarios) by name, with one readable line for a typo."""


def pick(entries, names, what):
    """Returns the entries named in `names` (all when empty), in the order given."""
    if not names:
        return list(entries)
    known = {e.name: e for e in entries}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit("bench: unknown %s %s; known: %s" % (what, ", ".join(unknown), ", ".join(known)))
    return [known[n] for n in names]
