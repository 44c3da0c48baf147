"""The programme's front door (issue 22): an organizing unit registers online (登陆注册), or a second person of a
registered unit applies to join it, and the unit's province verifies the registration before the account may
apply."""
