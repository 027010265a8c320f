-- How often each entity is mentioned per publication day.
CREATE OR REPLACE VIEW mart.entity_mentions_daily AS
WITH mentions AS (
    SELECT * FROM main.entity_mentions
),
articles AS (
    SELECT article_id, published_date FROM main.articles
),
entities AS (
    SELECT * FROM main.entities
),
final AS (
    SELECT
        articles.published_date,
        entities.entity_id,
        entities.canonical_name,
        entities.entity_type,
        count(*) AS mentions,
        count(DISTINCT mentions.article_id) AS articles
    FROM mentions
    JOIN articles USING (article_id)
    JOIN entities USING (entity_id)
    WHERE articles.published_date IS NOT NULL
    GROUP BY ALL
)
SELECT * FROM final;
