-- How many stories started each day and how widely they were carried.
CREATE OR REPLACE VIEW mart.story_sizes_daily AS
WITH stories AS (
    SELECT * FROM main.stories WHERE first_published_date IS NOT NULL
),
final AS (
    SELECT
        first_published_date AS published_date,
        count(*) AS stories,
        sum(articles) AS articles,
        count(*) FILTER (WHERE articles > 1) AS syndicated_stories,
        max(articles) AS largest_story_articles,
        CAST(median(articles) AS DOUBLE) AS median_story_articles,
        max(sources) AS widest_story_sources
    FROM stories
    GROUP BY first_published_date
)
SELECT * FROM final;
