-- Real-world events once each, with how many articles and stories report them.
CREATE OR REPLACE VIEW mart.event_clusters_timeline AS
WITH event_clusters AS (
    SELECT * FROM main.event_clusters
),
final AS (
    SELECT
        event_cluster_id,
        date_start,
        date_end,
        trigger,
        text AS event_text,
        participants,
        events AS mentions,
        articles,
        stories
    FROM event_clusters
)
SELECT * FROM final;
