-- Settings the user changes in the app (/settings), one row per key; a key without a row takes its default from
-- the drillbook.* configuration. Shared by every feature: keys are prefixed by the feature (srs.…).
CREATE TABLE setting (
    name        VARCHAR(200)    PRIMARY KEY,
    value_text  VARCHAR(100000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- FSRS weight sets that have been in force. The id is a digest of the weights, so the same set has the same id in
-- every database and a review log copied elsewhere still names the parameters it was scheduled with.
CREATE TABLE fsrs_parameters (
    id               VARCHAR(16)      PRIMARY KEY,
    weights          VARCHAR(1000)    NOT NULL,
    source           VARCHAR(16)      NOT NULL,            -- default | config | optimized
    scope            VARCHAR(255),                         -- the deck an optimised set was fitted to; NULL: all cards
    reviews          INT,                                  -- answers it was scored on when fitted
    log_loss_before  DOUBLE PRECISION,
    log_loss_after   DOUBLE PRECISION,
    rmse_before      DOUBLE PRECISION,
    rmse_after       DOUBLE PRECISION,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What each answer was scheduled with: the weight set (NULL for answers logged before this migration) and the
-- desired retention in force for that card at the time.
ALTER TABLE review_log ADD COLUMN parameters_id VARCHAR(16);
ALTER TABLE review_log ADD COLUMN desired_retention DOUBLE PRECISION;
