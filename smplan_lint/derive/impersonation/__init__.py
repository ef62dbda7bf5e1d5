"""Judge whether a discovered profile imitates the brand (the impersonation check).

Handles are folded to confusable skeletons (see :mod:`..confusables`), affix words
such as "official" or a country code are peeled from either end, and what remains
is compared with the skeletons of the brand's own handles and brand terms using
Damerau-Levenshtein (OSA) distance from rapidfuzz, with a tolerance that grows
with the length of the name: short names collide with ordinary words ("acme" vs
"acne"), so they must match exactly once look-alikes are folded.

Two further readings use the profile's context. An *extension* is a long name
written exactly and followed by one or two other words ("velobikes_lyon"): flagged
when a word claims or lures, or the display name or bio names the brand; a separated
word on a profile that says nothing else is a warning. Brand terms with "&" are also
matched spelt "and", "n" or without. Words of the organisation's full name end a
brand handle like a claiming word ("bluefern" + "orthodontics"). A glued country
code is never cut from a word after the name ("memes").

Handles longer than MAX_HANDLE_LENGTH (100) characters, more than any network
allows, are not compared (:func:`handle_too_long`).

Modules: :mod:`.settings` (the data file's thresholds and confidence weights),
:mod:`.affixes` (affix words and peeling), :mod:`.targets` (what can be
imitated), :mod:`.candidates` (which targets a name may be near), :mod:`.evidence`
(how a reading differs from a target), :mod:`.profile_text` (display names and
bios), :mod:`.verdict` (context and the verdict), :mod:`.index` (all of it, per
profile), :mod:`.memory` (the answers remembered), :mod:`.text` (free-text words).
"""

from ..answers import Verdict
from ..confusables import MAX_HANDLE_LENGTH, handle_too_long
from .index import ImpersonationIndex

__all__ = ["MAX_HANDLE_LENGTH", "ImpersonationIndex", "Verdict", "handle_too_long"]
