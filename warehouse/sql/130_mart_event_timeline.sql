-- Dated events on a calendar, with who took part; one row per event.
CREATE OR REPLACE VIEW mart.event_timeline AS
WITH events AS (
    SELECT * FROM main.events
),
articles AS (
    SELECT article_id, published_date, title, source_path FROM main.articles
),
participants AS (
    SELECT
        event_participants.event_id,
        string_agg(entities.canonical_name, '; ' ORDER BY entities.canonical_name) AS participants,
        count(*) AS participant_count
    FROM main.event_participants
    JOIN main.entities USING (entity_id)
    GROUP BY event_participants.event_id
),
final AS (
    SELECT
        events.event_id,
        events.article_id,
        events.date_start,
        events.date_end,
        events.date_value,
        events.trigger,
        events.text AS event_text,
        coalesce(participants.participants, '') AS participants,
        coalesce(participants.participant_count, 0) AS participant_count,
        articles.published_date,
        articles.title,
        articles.source_path
    FROM events
    JOIN articles USING (article_id)
    LEFT JOIN participants USING (event_id)
)
SELECT * FROM final;
