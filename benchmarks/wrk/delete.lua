-- DELETE: a method the application knows (PUT, DELETE and PATCH are known-methods) that ItemsServlet lacks: 405.
wrk.method = "DELETE"
