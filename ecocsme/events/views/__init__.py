"""The pages of the events app, by concern:

- `public`: a project's events and one event's page on the public site (EVT-2);
- `calendars`: an event's calendar file and the feeds calendar programs subscribe to (EVT-3);
- `answer`: the answer page behind a personal link, no account needed;
- `manage`: the partners' list of events, an event's page, creating and editing it with its
  sessions, and its actions (invite, publish, send, remind, retry a mail, calendar, cancel);
- `attendance`: check-in on the day, the attendance sheet and the participant and participation
  exports (EVT-4).

Views parse the request, fetch through `events.access` (which decides who may see and do what),
read through `events.selectors`, write through the services, and render.
"""
