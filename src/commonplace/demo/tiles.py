"""The catalogue tiles of the demo's quizzes and brief (decision 0250): the services made them
when the quiz or brief was published; the builder files them under the demo's topics, as
staff would on the tile's page."""

from commonplace.learning.selectors import resource_tile_of, topic_get_or_none
from commonplace.learning.services import resource_update


def tile_topics_set(*, source: str, slugs: list[str]) -> None:
    """File the tile of `source` under the topics named by `slugs` (those that exist).

    Effects: `learning.services.resource_update` (topics only; audited there).
    """
    tile = resource_tile_of(source=source)
    if tile is None:
        return
    topics = [topic for slug in slugs if (topic := topic_get_or_none(slug=slug)) is not None]
    resource_update(actor=None, resource=tile, fields={}, topics=topics)
