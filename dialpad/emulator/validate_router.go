package emulator

// The call router schemas, after the spec's
// schemas.call_router.CreateApiCallRouterMessage and UpdateApiCallRouterMessage.

// minSecretLen is the spec's minimum length of a router signing secret.
const minSecretLen = 32

func routerCreateSchema() schema {
	return schema{
		"name":                requiredText(100),
		"office_id":           intMin(1),
		"routing_url":         rule{kind: kindString, httpURL: true},
		"default_target_id":   intMin(1),
		"default_target_type": oneOf(routerTargetTypes()...),
		"enabled":             boolean(),
		"secret":              rule{kind: kindString, minLen: minSecretLen, singleLine: true},
	}
}

func routerUpdateSchema() schema {
	s := routerCreateSchema()
	s["reset_error_count"] = boolean()
	s["id"] = readOnly()
	s["phone_numbers"] = readOnly()
	s["signature"] = readOnly()
	return s
}

func routerCreateRequired() []string {
	return []string{"name", "office_id", "routing_url", "default_target_id", "default_target_type"}
}

func routerTargetTypes() []string {
	return []string{"callcenter", "callrouter", "channel", "coachinggroup", "coachingteam",
		"department", "office", "room", "staffgroup", "unknown", "user"}
}
