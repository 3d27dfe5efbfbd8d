"""Builder rules of the `access` block: roles, their `read` / `write` rights, `fallback`."""

from __future__ import annotations

from lark import Token
from lark.tree import Meta

from compiler import ir
from compiler.syntax.rules.base import BuilderBase, Children, unquote_name, unquote_string, with_meta


class AccessRules(BuilderBase):
    """Roles with rights on target tables, phi columns and chartshift's own tables."""

    @with_meta
    def access(self, meta: Meta, children: Children) -> ir.Access:
        prefixes = [c for c in children if isinstance(c, tuple)]
        for _, span in prefixes[1:]:
            self.diags.error("an `access` block has at most one `prefix`", span)
        prefix = prefixes[0][0] if prefixes else ""
        return ir.Access(span=self.span(meta), prefix=prefix, roles=[c for c in children if isinstance(c, ir.AccessRole)])

    @with_meta
    def access_prefix(self, meta: Meta, children: Children) -> tuple[str, object]:
        return (unquote_string(children[0]), self.span(meta))

    @with_meta
    def access_role(self, meta: Meta, children: Children) -> ir.AccessRole:
        name, *body = children
        members: list[object] = body[0] if body else []
        fallbacks = [m for m in members if isinstance(m, Token)]
        for extra in fallbacks[1:]:
            self.diags.error("a role has at most one `fallback`", self.tok_span(extra))
        return ir.AccessRole(
            span=self.span(meta),
            name=unquote_name(name),
            rights=[m for m in members if isinstance(m, ir.AccessRight)],
            inherits=[i for m in members if isinstance(m, list) for i in m],
            body=bool(body),
            fallback=unquote_name(fallbacks[0]) if fallbacks else None,
        )

    def role_body(self, children: Children) -> list[object]:
        return list(children)

    @with_meta
    def access_read(self, meta: Meta, children: Children) -> ir.AccessRight:
        phi = bool(children) and isinstance(children[0], tuple)
        objects = children[1:] if phi else children
        return ir.AccessRight(span=self.span(meta), verb="read", phi=phi, objects=objects)

    @with_meta
    def access_write(self, meta: Meta, children: Children) -> ir.AccessRight:
        return ir.AccessRight(span=self.span(meta), verb="write", objects=children)

    def access_inherit(self, children: Children) -> list[ir.AccessInherit]:
        return [ir.AccessInherit(span=self.tok_span(t), role=unquote_name(t)) for t in children]

    def access_fallback(self, children: Children) -> Token:
        tok: Token = children[0]
        return tok

    @with_meta
    def access_object(self, meta: Meta, children: Children) -> ir.AccessObject:
        star = bool(children) and children[-1] is True
        names = [unquote_name(c) for c in children if isinstance(c, Token)]
        return ir.AccessObject(span=self.span(meta), parts=names, all_tables=star)

    def access_star(self, _: Children) -> bool:
        return True
