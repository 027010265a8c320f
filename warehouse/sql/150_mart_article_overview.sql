-- One row per article with what was extracted from it.
CREATE OR REPLACE VIEW mart.article_overview AS
WITH articles AS (
    SELECT * FROM main.articles
),
quote_counts AS (
    SELECT article_id, count(*) AS quotes, count(speaker) AS attributed_quotes
    FROM main.quotes GROUP BY article_id
),
entity_counts AS (
    SELECT article_id, count(DISTINCT entity_id) AS entities, count(*) AS entity_mentions
    FROM main.entity_mentions GROUP BY article_id
),
timex_counts AS (
    SELECT article_id, count(*) AS temporal_expressions FROM main.temporal_expressions GROUP BY article_id
),
event_counts AS (
    SELECT article_id, count(*) AS events FROM main.events GROUP BY article_id
),
final AS (
    SELECT
        articles.article_id,
        articles.published_date,
        articles.crawled_at,
        articles.title,
        articles.source_path,
        articles.source_format,
        articles.word_count,
        left(articles.body, 200) AS lede,
        coalesce(quote_counts.quotes, 0) AS quotes,
        coalesce(quote_counts.attributed_quotes, 0) AS attributed_quotes,
        coalesce(entity_counts.entities, 0) AS entities,
        coalesce(entity_counts.entity_mentions, 0) AS entity_mentions,
        coalesce(timex_counts.temporal_expressions, 0) AS temporal_expressions,
        coalesce(event_counts.events, 0) AS events
    FROM articles
    LEFT JOIN quote_counts USING (article_id)
    LEFT JOIN entity_counts USING (article_id)
    LEFT JOIN timex_counts USING (article_id)
    LEFT JOIN event_counts USING (article_id)
)
SELECT * FROM final;
