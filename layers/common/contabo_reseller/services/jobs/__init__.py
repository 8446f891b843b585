"""Background work: the action queue (jobs a request leaves for later: action_queue), the
scheduled jobs' runner (resumable, bounded in time, one run at a time: scheduled_jobs) and the
outcome every cron job reports (schedules)."""
