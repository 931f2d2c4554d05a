"""Actors: people, organisations, places and groups, with their aliases and mentions merged.

Merging rules, in order:

* junk spans are repaired or dropped first (:mod:`.repairs`: a lone title or numeral, a name cut
  at a hyphen, a descriptor glued to a person, an organisation running into a person's name);
* a name keeps one kind across the article (the majority of its labels), but a word of a
  person's full name tagged as a person stays one ("Keller said" after "Maria Keller");
* people: a given name or surname alone joins the full name that contains it (word order does not
  matter, so family-name-first names work); titles and descriptors ("Scientologist", "striker")
  are not part of the name;
* countries: every alias of a country ("US", "the United States") joins one actor; England,
  Scotland and Wales stay themselves;
* acronyms join the organisation whose initials they spell, a bracketed name the name before it;
  a shorter organisation name joins the one longer name that starts or ends with it ("Harlow" ->
  "Harlow Logistics Inc.");
* role mentions ("the Russian president", "the company's chief executive") join only a person
  they fit (:mod:`.roles`);
* metonyms (the Kremlin, Beijing as a government) stay their own actor, with ``refers_to`` set to
  their country's actor; "the West" is a group.

The span repairs and the merges after the people's names are ordered registries of named steps
(:data:`.repairs.REPAIRS`, :data:`.build.MERGES`). Salience (:mod:`.salience`) then ranks the
article's subject first.
"""

from tui.analysis.actors.build import KIND_OF_LABEL, build_actors
from tui.analysis.actors.index import ActorIndex
from tui.analysis.actors.salience import lead_span, update_salience

__all__ = ["KIND_OF_LABEL", "ActorIndex", "build_actors", "lead_span", "update_salience"]
