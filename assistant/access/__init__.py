"""Team mode's access rules: who a signed-in person is (identity.py), what they may see
(roles.py), the report's side of their 1:1s (report_side.py), the manager's sharing
(sharing.py), and what a team deployment needs (deployment.py).

Services: `svc.access` (AccessService), `svc.report_side` (ReportSideService) and
`svc.sharing` (SharingService).
"""
