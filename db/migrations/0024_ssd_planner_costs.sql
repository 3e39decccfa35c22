-- Custom SQL migration file, put your code below! --
-- The planner's costs for storage on SSD (random reads cost little more than sequential ones), so that
-- the reports and the catalogue use their covering indexes rather than reading whole tables. It applies to
-- new connections. Where the service's role does not own the database, the setting is left to the operator.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'random_page_cost left as it is: the role does not own the database';
END $$;
