module github.com/talkmeta/talkmeta

go 1.26.0
