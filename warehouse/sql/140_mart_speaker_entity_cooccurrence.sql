-- Which entities appear in the articles where a speaker is quoted.
CREATE OR REPLACE VIEW mart.speaker_entity_cooccurrence AS
WITH speakers AS (
    SELECT DISTINCT article_id, speaker_entity_id, speaker
    FROM main.quotes
    WHERE speaker_entity_id IS NOT NULL
),
mentioned AS (
    SELECT DISTINCT article_id, entity_id FROM main.entity_mentions
),
articles AS (
    SELECT article_id, published_date FROM main.articles
),
entities AS (
    SELECT * FROM main.entities
),
pairs AS (
    SELECT speakers.speaker_entity_id, speakers.speaker, mentioned.entity_id, speakers.article_id
    FROM speakers
    JOIN mentioned USING (article_id)
    WHERE mentioned.entity_id <> speakers.speaker_entity_id
),
final AS (
    SELECT
        pairs.speaker_entity_id,
        pairs.speaker,
        entities.entity_id,
        entities.canonical_name,
        entities.entity_type,
        count(DISTINCT pairs.article_id) AS articles,
        min(articles.published_date) AS first_date,
        max(articles.published_date) AS last_date
    FROM pairs
    JOIN entities USING (entity_id)
    JOIN articles USING (article_id)
    GROUP BY ALL
)
SELECT * FROM final;
