-- The quotes carried most widely: by distinct stories, then distinct outlets.
CREATE OR REPLACE VIEW mart.widely_carried_quotes AS
WITH quote_clusters AS (
    SELECT * FROM main.quote_clusters
),
ranked AS (
    SELECT
        quote_cluster_id,
        content,
        quote_type,
        speaker,
        speaker_entity_id,
        first_seen_date,
        first_article_id,
        stories,
        sources,
        articles,
        quotes,
        rank() OVER (ORDER BY stories DESC, sources DESC, articles DESC) AS carried_rank
    FROM quote_clusters
),
final AS (
    SELECT * FROM ranked
)
SELECT * FROM final;
