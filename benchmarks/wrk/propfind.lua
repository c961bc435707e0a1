-- PROPFIND: a method nothing in the application implements (and not in known-methods): 501.
-- (wrk checks the request it sends against its HTTP parser's list of methods, so a made-up token such
-- as FOO is refused by wrk itself; PROPFIND is on that list and unknown to the application.)
wrk.method = "PROPFIND"
