-- Drillbook's own state. Notes stay files; this database only holds what the user did.
CREATE TABLE app_info (
    name VARCHAR(64) PRIMARY KEY,
    value_text VARCHAR(1024) NOT NULL
);
INSERT INTO app_info (name, value_text) VALUES ('schema', 'drillbook');
