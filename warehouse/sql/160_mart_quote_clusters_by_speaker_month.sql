-- Who is quoted, month by month, counting each quote once however many outlets carried it.
CREATE OR REPLACE VIEW mart.quote_clusters_by_speaker_month AS
WITH quote_clusters AS (
    SELECT * FROM main.quote_clusters
),
entities AS (
    SELECT entity_id, entity_type FROM main.entities
),
attributed AS (
    SELECT
        quote_clusters.speaker,
        quote_clusters.speaker_entity_id,
        entities.entity_type AS speaker_type,
        CAST(date_trunc('month', quote_clusters.first_seen_date) AS DATE) AS month,
        quote_clusters.quote_type,
        quote_clusters.quotes,
        quote_clusters.sources
    FROM quote_clusters
    LEFT JOIN entities ON entities.entity_id = quote_clusters.speaker_entity_id
    WHERE quote_clusters.speaker IS NOT NULL AND quote_clusters.first_seen_date IS NOT NULL
),
final AS (
    SELECT
        speaker,
        speaker_entity_id,
        speaker_type,
        month,
        count(*) AS quote_clusters,
        count(*) FILTER (WHERE quote_type = 'direct') AS direct_quote_clusters,
        count(*) FILTER (WHERE quote_type = 'indirect') AS indirect_quote_clusters,
        count(*) FILTER (WHERE quote_type = 'mixed') AS mixed_quote_clusters,
        sum(quotes) AS quotes,
        max(sources) AS widest_sources
    FROM attributed
    GROUP BY speaker, speaker_entity_id, speaker_type, month
)
SELECT * FROM final;
