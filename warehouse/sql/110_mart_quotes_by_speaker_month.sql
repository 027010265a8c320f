-- Who is quoted, how often, month by month (publication month; undated articles excluded).
CREATE OR REPLACE VIEW mart.quotes_by_speaker_month AS
WITH quotes AS (
    SELECT * FROM main.quotes
),
articles AS (
    SELECT article_id, published_date FROM main.articles
),
entities AS (
    SELECT entity_id, entity_type FROM main.entities
),
attributed AS (
    SELECT
        quotes.speaker,
        quotes.speaker_entity_id,
        entities.entity_type AS speaker_type,
        CAST(date_trunc('month', articles.published_date) AS DATE) AS month,
        quotes.quote_type,
        quotes.article_id
    FROM quotes
    JOIN articles USING (article_id)
    LEFT JOIN entities ON entities.entity_id = quotes.speaker_entity_id
    WHERE quotes.speaker IS NOT NULL AND articles.published_date IS NOT NULL
),
final AS (
    SELECT
        speaker,
        speaker_entity_id,
        speaker_type,
        month,
        count(*) AS quotes,
        count(*) FILTER (WHERE quote_type = 'direct') AS direct_quotes,
        count(*) FILTER (WHERE quote_type = 'indirect') AS indirect_quotes,
        count(*) FILTER (WHERE quote_type = 'mixed') AS mixed_quotes,
        count(DISTINCT article_id) AS articles
    FROM attributed
    GROUP BY ALL
)
SELECT * FROM final;
