"""`field__any_of=[...]`: the same as `__in`, with the values sent as one parameter.

A search reads up to MATCH_LIMIT ids and filters by them in several queries; as `IN (%s, %s, …)`
each value costs Django, the driver and the database's planner a placeholder of its own. Here
they are one array on PostgreSQL (`= ANY(%s)`) and one JSON list on SQLite (`json_each`).
"""

import json

from django.db.models import Lookup
from django.db.models.lookups import In


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        # Any other database: a plain IN.
        return In(self.lhs, self.rhs).as_sql(compiler, connection)

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, self.rhs)

    def as_sqlite(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} IN (SELECT value FROM json_each(%s))", (*params, json.dumps(self.rhs))
