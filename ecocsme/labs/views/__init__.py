"""The pages of the labs app, by concern:

- `answer`: the answer form a stakeholder opens through a personal link (LAB-3), no account needed;
- `manage`: the partners' list of labs, a lab's page, creating and editing it, and its actions
  (invite, send, remind, retry a mail, open and close);
- `replies`: uploading e-mail replies and reviewing those kept aside;
- `synthesis`: the themes found in the answers, the run's status and the staff's edits (LAB-4);
- `exports`: the answers as CSV/XLSX/JSON and the lab report as PDF/DOCX (LAB-5).

Views parse the request, fetch through `labs.access` (which decides who may see and do what),
read through `labs.selectors`, write through the services, and render.
"""
