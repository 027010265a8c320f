-- Which entities appear in the articles where a speaker is quoted.
CREATE OR REPLACE VIEW mart.speaker_entity_cooccurrence AS
WITH speakers AS (
    -- One row per speaker and article, with the article's date carried along: the pairs below
    -- are then unique per article, so counting rows counts articles (no DISTINCT needed).
    SELECT DISTINCT quotes.article_id, quotes.speaker_entity_id, quotes.speaker, articles.published_date
    FROM main.quotes
    JOIN main.articles USING (article_id)
    WHERE quotes.speaker_entity_id IS NOT NULL
),
mentioned AS (
    SELECT DISTINCT article_id, entity_id FROM main.entity_mentions
),
pairs AS (
    SELECT speakers.speaker_entity_id, speakers.speaker, mentioned.entity_id, speakers.published_date
    FROM speakers
    JOIN mentioned USING (article_id)
    WHERE mentioned.entity_id <> speakers.speaker_entity_id
),
counted AS (
    SELECT
        speaker_entity_id,
        speaker,
        entity_id,
        count(*) AS articles,
        min(published_date) AS first_date,
        max(published_date) AS last_date
    FROM pairs
    GROUP BY speaker_entity_id, speaker, entity_id
),
final AS (
    SELECT
        counted.speaker_entity_id,
        counted.speaker,
        counted.entity_id,
        entities.canonical_name,
        entities.entity_type,
        counted.articles,
        counted.first_date,
        counted.last_date
    FROM counted
    JOIN main.entities USING (entity_id)
)
SELECT * FROM final;
